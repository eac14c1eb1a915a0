package io.retainbot.app.http;

import io.javalin.config.JavalinConfig;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckIns;
import java.time.LocalTime;
import java.util.List;

/**
 * Keeping in touch after the sale through the REST API (behind the admin token): the check-in cadences
 * the business file sets. A customer's check-ins themselves are in their history.
 */
public final class KeepInTouchRoutes {
    private final CheckIns checkIns;

    public KeepInTouchRoutes(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    public void mount(JavalinConfig config) {
        config.routes.get("/api/checkins/cadences", ctx -> ctx.json(new Items<>(checkIns.cadences().stream()
                .map(CadenceView::of).toList())));
    }

    record Items<T>(List<T> items) {
    }

    record CadenceView(String name, String after, int days, LocalTime at, String text) {
        static CadenceView of(CheckInCadence cadence) {
            return new CadenceView(cadence.name(), cadence.after().code(), cadence.days(), cadence.at(),
                    cadence.textKey());
        }
    }
}
