package io.retainbot.app.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Log lines about refused requests (forged webhook calls, wrong admin tokens), summarized: the
 * first refusal of a kind is logged at once, the ones after it within a minute only counted and
 * reported as one line with the count. A flood of forged requests writes about one line a minute.
 */
public final class RefusalLog {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Consumer<String> lines;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    /** @param lines where a line goes (a logger's warn) */
    public RefusalLog(Clock clock, Consumer<String> lines) {
        this.clock = clock;
        this.lines = lines;
    }

    /** One refused request; {@code what} names the kind, e.g. "Telegram webhook calls with a wrong secret token". */
    public void refused(String what) {
        Instant now = clock.instant();
        String line = null;
        synchronized (windows) {
            Window window = windows.get(what);
            if (window == null || !now.isBefore(window.started.plus(WINDOW))) {
                line = (window != null && window.more > 0 ? summary(what, window) + "; " : "") + "refused " + what
                        + " (more within a minute are counted, not logged one by one)";
                windows.put(what, new Window(now));
            } else {
                window.more++;
            }
        }
        if (line != null) {
            lines.accept(line);
        }
    }

    /** Reports the counts of windows that ended; called about once a minute. */
    public void flush() {
        Instant now = clock.instant();
        StringBuilder report = new StringBuilder();
        synchronized (windows) {
            windows.entrySet().removeIf(entry -> {
                Window window = entry.getValue();
                if (now.isBefore(window.started.plus(WINDOW))) {
                    return false;
                }
                if (window.more > 0) {
                    report.append(report.isEmpty() ? "" : "; ").append(summary(entry.getKey(), window));
                }
                return true;
            });
        }
        if (!report.isEmpty()) {
            lines.accept(report.toString());
        }
    }

    private static String summary(String what, Window window) {
        return "refused " + window.more + " more " + what + " in the minute from " + window.started;
    }

    private static final class Window {
        private final Instant started;
        private long more;

        Window(Instant started) {
            this.started = started;
        }
    }
}
