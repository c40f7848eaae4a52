package discord

import (
	"context"
	"fmt"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// commandsAPI is what registration needs from a discordgo session.
type commandsAPI interface {
	ApplicationCommands(appID, guildID string, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
}

// Commands are the slash commands the bot offers.
func Commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask a question about your stem cell therapy session",
			DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.Locale("ar"): "اسأل عن جلسة العلاج بالخلايا الجذعية"},
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: "question",
				Description: "Your question, in English or Arabic", Required: true, MaxLength: 1000}}},
		{Name: "faq", Description: "Read the answer on one topic",
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: "topic",
				Description: "Start typing a topic", Required: true, Autocomplete: true}}},
		{Name: "topics", Description: "Pick a topic from the list"},
	}
}

// Register installs the slash commands for a guild (fast, for testing a server) or globally (guildID
// ""), and only when what is registered differs. It reports whether it wrote them. api is a *REST,
// whose errors are redacted.
func Register(ctx context.Context, api commandsAPI, appID, guildID string) (bool, error) {
	have, err := api.ApplicationCommands(appID, guildID, discordgo.WithContext(ctx))
	if err != nil {
		return false, fmt.Errorf("discord: list commands: %w", err)
	}
	want := Commands()
	if same(have, want) {
		return false, nil
	}
	if _, err := api.ApplicationCommandBulkOverwrite(appID, guildID, want, discordgo.WithContext(ctx)); err != nil {
		return false, fmt.Errorf("discord: register commands: %w", err)
	}
	return true, nil
}

// same compares registered commands with wanted ones by name, description and options.
func same(have, want []*discordgo.ApplicationCommand) bool {
	if len(have) != len(want) {
		return false
	}
	key := func(c *discordgo.ApplicationCommand) string {
		k := c.Name + "|" + c.Description
		for _, o := range c.Options {
			k += fmt.Sprintf("|%d:%s:%s:%v:%v", o.Type, o.Name, o.Description, o.Required, o.Autocomplete)
		}
		return k
	}
	var a, b []string
	for i := range have {
		a, b = append(a, key(have[i])), append(b, key(want[i]))
	}
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
