package io.retainbot.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Customers writing in the web chat at once, each posting one message after the other as fast as
 * the server answers, until stopped or the server goes away. Remembers every event the server
 * answered 2xx for: those were confirmed, so they must be handled exactly once whatever happens next.
 */
final class WebChatLoad implements AutoCloseable {
    private final String base;
    private final ExecutorService visitors;
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WebChatLoad(int port, int customers, int messagesEach) {
        this.base = "http://127.0.0.1:" + port;
        this.visitors = Executors.newFixedThreadPool(customers);
        for (int customer = 0; customer < customers; customer++) {
            int number = customer;
            visitors.execute(() -> write(number, messagesEach));
        }
    }

    static WebChatLoad start(int port, int customers, int messagesEach) {
        return new WebChatLoad(port, customers, messagesEach);
    }

    /** The ids of confirmed events (unique across runs; each ends the platform event id). */
    Set<String> confirmed() {
        return Set.copyOf(confirmed);
    }

    int confirmedCount() {
        return confirmed.size();
    }

    /** Stops writing and waits for every customer to finish the post under way. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        visitors.shutdown();
        visitors.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void write(int customer, int messages) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/session"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (session.statusCode() / 100 != 2) {
                return;
            }
            List<String> events = new ArrayList<>();
            events.add(event(customer, 0, "start", ""));
            for (int message = 1; message < messages; message++) {
                events.add(event(customer, message, "text", "message " + message + " from customer " + customer));
            }
            for (String event : events) {
                if (!running.get()) {
                    return;
                }
                String id = event.substring(event.indexOf(":\"") + 2, event.indexOf("\","));
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/events"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    confirmed.add(id);
                }
            }
        } catch (IOException serverGone) {
            // killed or stopping: what was not confirmed was not promised
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String event(int customer, int message, String type, String text) {
        String id = "load-" + run + "-" + customer + "-" + message;
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"text\":\"" + text + "\",\"language\":\"en\"}";
    }
}
