package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/pgtest"
)

// TestTwoReplicasShareOnePostgres runs two serve processes in webhook mode on one PostgreSQL store and
// delivers every update to both at once, as a load balancer retrying or Telegram redelivering might:
// each update is answered once; feedback given to either replica is in one report.
func TestTwoReplicasShareOnePostgres(t *testing.T) {
	pgtest.Skip(t)
	pg, err := pgtest.Start()
	if err != nil {
		t.Fatalf("no PostgreSQL: %v\n%s", err, pgtest.Hint)
	}
	defer pg.Stop()
	dsn := pg.Database(t)
	api := newBacklog(t, 0)
	for k, v := range map[string]string{"TELEGRAM_BOT_TOKEN": "123:replica-token", "TELEGRAM_MODE": "webhook",
		"TELEGRAM_WEBHOOK_URL": "https://bot.example/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET": "hook-secret",
		"TELEGRAM_API_ENDPOINT": api.srv.URL, "TELEGRAM_GLOBAL_RATE": "0", "TELEGRAM_CHAT_RATE": "0", "TELEGRAM_GROUP_RATE": "0"} {
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var replicas [2]string
	done := make(chan int, len(replicas))
	for i := range replicas {
		replicas[i] = freeAddr(t)
		go func(addr string) {
			done <- run(ctx, []string{"serve", "--http-addr", addr, "--store", dsn}, strings.NewReader(""), io.Discard, io.Discard)
		}(replicas[i])
	}
	defer func() {
		cancel()
		for range replicas {
			<-done
		}
	}()
	for i, addr := range replicas {
		waitReadyz(t, addr, `"telegram":"ok"`)
		ask := fmt.Sprintf(`{"question":"what should I wear?","user":"visitor-%d"}`, i)
		resp, err := http.Post("http://"+addr+"/v1/ask", "application/json", strings.NewReader(ask))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("ask replica %d: %v %v", i, err, resp)
		}
		resp.Body.Close()
	}
	const updates = 60
	var wg sync.WaitGroup
	var mu sync.Mutex
	inResponse := map[string]int{} // replies carried by webhook responses, by chat
	for id := 1; id <= updates; id++ {
		body := updateJSON(id)
		for _, addr := range replicas {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if reply := deliverUntilAccepted(t, "http://"+addr+"/telegram/webhook", body); reply != nil {
					mu.Lock()
					inResponse[reply.Get("chat_id")]++
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	api.mu.Lock()
	for id := int64(1); id <= updates; id++ {
		if n := api.replies[id] + inResponse[fmt.Sprint(id)]; n != 1 {
			t.Errorf("chat %d got %d replies, want 1", id, n)
		}
	}
	api.mu.Unlock()
	for i := range replicas { // a vote on the answer given by the other replica (asked first) is taken
		vote := fmt.Sprintf(`{"id":"what-to-wear","lang":"en","helpful":%v,"user":"visitor-%d"}`, i == 0, 1-i)
		resp, err := http.Post("http://"+replicas[i]+"/v1/feedback", "application/json", strings.NewReader(vote))
		if err != nil || resp.StatusCode >= 300 {
			t.Fatalf("feedback to replica %d: %v %v", i, err, resp)
		}
		resp.Body.Close()
	}
	// Decisions are written in the background, in batches: read the report until both replicas' are in.
	var out string
	var rep struct {
		ByStatus map[string]int `json:"by_status"`
	}
	for deadline := time.Now().Add(serveWait); ; time.Sleep(100 * time.Millisecond) {
		var code int
		var stderr string
		code, out, stderr = runCmd(t, "", "report", "--store", dsn, "--format", "json")
		if code != 0 || json.Unmarshal([]byte(out), &rep) != nil {
			t.Fatalf("report: exit %d %s %s", code, out, stderr)
		}
		if rep.ByStatus["answered"] >= updates+2 || time.Now().After(deadline) {
			break
		}
	}
	if rep.ByStatus["answered"] != updates+2 {
		t.Errorf("report counts %d answered questions, want %d (both replicas)", rep.ByStatus["answered"], updates+2)
	}
	if !strings.Contains(out, `"helpful": 1`) || !strings.Contains(out, `"not_helpful": 1`) {
		t.Errorf("report lacks the feedback given to each replica: %s", out)
	}
}

// deliverUntilAccepted posts an update as Telegram does: again after a 5xx, until it is accepted. It
// returns the request the webhook answered with, nil for none.
func deliverUntilAccepted(t *testing.T, url, body string) neturl.Values {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		form, accepted, err := postUpdate(context.Background(), url, body)
		if !accepted {
			continue
		}
		if err != nil {
			t.Error(err)
		}
		if len(form) == 0 {
			return nil
		}
		return form
	}
	t.Errorf("update never accepted by %s", url)
	return nil
}

func waitReadyz(t *testing.T, addr, want string) {
	t.Helper()
	for deadline := time.Now().Add(serveWait); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), want) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never ready with %s", addr, want)
		}
	}
}
