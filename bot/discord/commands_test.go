package discord

import (
	"context"
	"errors"
	"testing"

	"github.com/bwmarrin/discordgo"
)

type fakeCommands struct {
	have   []*discordgo.ApplicationCommand
	writes int
	fail   error
}

func (f *fakeCommands) ApplicationCommands(string, string, ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	return f.have, f.fail
}

func (f *fakeCommands) ApplicationCommandBulkOverwrite(_, _ string, cmds []*discordgo.ApplicationCommand, _ ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	f.writes++
	f.have = cmds
	return cmds, nil
}

func TestRegisterOnlyWhenChanged(t *testing.T) {
	f := &fakeCommands{}
	if changed, err := Register(context.Background(), f, "app", "guild"); !changed || err != nil || f.writes != 1 {
		t.Fatalf("first registration: %v %v, %d writes", changed, err, f.writes)
	}
	if changed, err := Register(context.Background(), f, "app", "guild"); changed || err != nil || f.writes != 1 {
		t.Errorf("unchanged commands rewritten: %v %v, %d writes", changed, err, f.writes)
	}
	f.have[0].Description = "old"
	if changed, _ := Register(context.Background(), f, "app", ""); !changed || f.writes != 2 {
		t.Errorf("changed commands not rewritten")
	}
	f.fail = errors.New("401 Unauthorized")
	if _, err := Register(context.Background(), f, "app", ""); err == nil {
		t.Error("listing failure: got no error")
	}
}
