package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.ReviewDue;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.Reviews;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeping in touch after the sale through the REST API (behind the admin token): the check-in cadences
 * the business file sets (a customer's check-ins are in their history), who is due for an account review
 * (per owner, nearest first, with the suggested tier), and a review held by staff recorded or read.
 */
public final class KeepInTouchRoutes {
    private static final int DEFAULT_DAYS_AHEAD = 7;

    private final CheckIns checkIns;
    private final Reviews reviews;
    private final ObjectMapper json = new ObjectMapper();

    public KeepInTouchRoutes(CheckIns checkIns, Reviews reviews) {
        this.checkIns = checkIns;
        this.reviews = reviews;
    }

    public void mount(JavalinConfig config) {
        config.routes.get("/api/checkins/cadences", ctx -> ctx.json(new Items<>(checkIns.cadences().stream()
                .map(CadenceView::of).toList())));
        config.routes.get("/api/reviews/due", this::due);
        config.routes.post("/api/customers/{id}/reviews", this::record);
        config.routes.get("/api/customers/{id}/reviews", ctx -> ctx.json(new Items<>(reviews.reviews(customerId(ctx))
                .orElseThrow(() -> notFound(ctx)).stream().map(ReviewView::of).toList())));
    }

    private void due(Context ctx) {
        Long owner = null;
        String ownerText = ctx.queryParam("owner");
        if (ownerText != null && !ownerText.isBlank()) {
            owner = positive(ownerText, "owner: a staff member's id (a positive whole number)");
        }
        LocalDate until = reviews.today().plusDays(DEFAULT_DAYS_AHEAD);
        String untilText = ctx.queryParam("until");
        if (untilText != null && !untilText.isBlank()) {
            try {
                until = LocalDate.parse(untilText.strip());
            } catch (DateTimeException notADate) {
                throw new HttpServer.ClientError(400, "until: a date like 2026-12-31, was \"" + untilText + "\"");
            }
        }
        Map<String, Integer> intervals = new java.util.LinkedHashMap<>();
        for (OpportunityTier tier : OpportunityTier.values()) {
            intervals.put(tier.code(), (int) reviews.settings().interval(tier).toTotalMonths());
        }
        ctx.json(new DueList(until, intervals, reviews.due(owner, until).stream().map(DueView::of).toList()));
    }

    private void record(Context ctx) {
        long customerId = customerId(ctx);
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("outcome", "notes", "nextStep", "staffId"));
        String outcomeText = body.requiredText("outcome");
        AccountReview.Outcome outcome;
        try {
            outcome = AccountReview.Outcome.fromCode(outcomeText);
        } catch (IllegalArgumentException unknown) {
            throw body.error("outcome", "must be good, opportunity, at-risk or lost; was \"" + outcomeText + "\"");
        }
        Long staffId = body.whole("staffId");
        if (staffId != null && staffId < 1) {
            throw body.error("staffId", "must be a staff member's id (a positive whole number)");
        }
        Reviews.Recorded recorded;
        try {
            recorded = reviews.record(customerId, staffId == null ? Actor.admin() : Actor.staff(staffId), outcome,
                    body.text("notes"), body.text("nextStep"));
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, invalid.getMessage());
        }
        if (recorded instanceof Reviews.Recorded.NoSuchCustomer) {
            throw notFound(ctx);
        }
        if (recorded instanceof Reviews.Recorded.UnknownStaff unknown) {
            throw new HttpServer.ClientError(400, "staffId: no staff member " + unknown.staffId());
        }
        ctx.status(201).json(ReviewView.of(((Reviews.Recorded.Done) recorded).review()));
    }

    private static long customerId(Context ctx) {
        return positive(ctx.pathParam("id"), "id: a customer id is a positive whole number");
    }

    private static long positive(String text, String problem) {
        try {
            long number = Long.parseLong(text.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new HttpServer.ClientError(400, problem);
    }

    private static HttpServer.ClientError notFound(Context ctx) {
        return new HttpServer.ClientError(404, "no customer " + ctx.pathParam("id"));
    }

    record Items<T>(List<T> items) {
    }

    record CadenceView(String name, String after, int days, LocalTime at, String text) {
        static CadenceView of(CheckInCadence cadence) {
            return new CadenceView(cadence.name(), cadence.after().code(), cadence.days(), cadence.at(),
                    cadence.textKey());
        }
    }

    record DueList(LocalDate until, Map<String, Integer> intervalMonths, List<DueView> items) {
    }

    record DueView(long customerId, String name, Long ownerId, String tier, String suggestedTier,
                   Instant lastReviewedAt, LocalDate dueOn) {
        static DueView of(ReviewDue due) {
            return new DueView(due.customerId(), due.name(), due.ownerId(), due.tier() == null ? null : due.tier().code(),
                    due.suggestedTier().code(), due.lastReviewedAt(), due.dueOn());
        }
    }

    /** @param complete false for a questionnaire the customer answered only in part (so far) */
    record ReviewView(long id, long customerId, String source, Long staffId, String outcome, String notes,
                      String nextStep, Integer satisfaction, String valuesMost, String needs, String otherVendors,
                      Instant reviewedAt, boolean complete) {
        static ReviewView of(AccountReview review) {
            return new ReviewView(review.id(), review.customerId(), review.source().code(), review.staffId(),
                    review.outcome() == null ? null : review.outcome().code(), review.notes(), review.nextStep(),
                    review.satisfaction(), review.valuesMost(), review.needs(), review.otherVendors(),
                    review.reviewedAt(), review.complete());
        }
    }
}
