package io.retainbot.app.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.Purchase;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.Sales;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Purchases and customer stages through the REST API (behind the admin token): record and list a
 * customer's purchases, import purchases from CSV, read the stages the business uses, read and set a
 * customer's stage with its history and the responsible staff member the stage leaves them with.
 */
public final class SalesRoutes {
    private final Sales sales;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public SalesRoutes(Sales sales) {
        this.sales = sales;
    }

    public void mount(JavalinConfig config) {
        config.routes.post("/api/customers/{id}/purchases", this::recordPurchase);
        config.routes.get("/api/customers/{id}/purchases", ctx -> ctx.json(new Items<>(sales.purchases(customerId(ctx))
                .orElseThrow(() -> notFound(ctx)).stream().map(PurchaseView::of).toList())));
        config.routes.post("/api/purchases/import", this::importPurchases);
        config.routes.get("/api/stages", ctx -> ctx.json(StagesView.of(sales.stages())));
        config.routes.get("/api/customers/{id}/stage", ctx -> ctx.json(StageView.of(sales.stage(customerId(ctx))
                .orElseThrow(() -> notFound(ctx)))));
        config.routes.put("/api/customers/{id}/stage", this::setStage);
    }

    private void recordPurchase(Context ctx) {
        long customerId = customerId(ctx);
        JsonInput body = JsonInput.body(json, ctx.body())
                .allowing(Set.of("product", "purchasedOn", "orderReference", "amount", "currency"));
        String day = body.requiredText("purchasedOn");
        LocalDate purchasedOn;
        try {
            purchasedOn = LocalDate.parse(day.strip());
        } catch (DateTimeException notADate) {
            throw body.error("purchasedOn", "\"" + day + "\" is not a date like 2026-11-20");
        }
        NewPurchase purchase;
        try {
            purchase = new NewPurchase(customerId, body.requiredText("product"), purchasedOn, body.text("orderReference"),
                    body.decimal("amount"), body.text("currency"));
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, invalid.getMessage());
        }
        Sales.Recorded recorded = sales.recordPurchase(purchase);
        if (recorded instanceof Sales.Recorded.NoSuchCustomer) {
            throw notFound(ctx);
        }
        if (recorded instanceof Sales.Recorded.Duplicate duplicate) {
            throw new HttpServer.ClientError(409, "orderReference: customer " + customerId + " has a purchase with the "
                    + "order reference " + duplicate.orderReference() + " already");
        }
        ctx.status(201).json(PurchaseView.of(((Sales.Recorded.Done) recorded).purchase()));
    }

    private void importPurchases(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.startsWith("text/csv") && !type.startsWith("text/plain")
                && !type.startsWith("application/octet-stream")) {
            throw new HttpServer.ClientError(415, "send the purchases as text/csv (UTF-8), first line the columns "
                    + "customer_id,product,purchased_on,order_reference,amount,currency");
        }
        Sales.ImportReport report;
        try (Reader csv = new InputStreamReader(new java.io.ByteArrayInputStream(ctx.bodyAsBytes()),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            report = sales.importPurchases(csv);
        } catch (IllegalArgumentException badFile) {
            throw new HttpServer.ClientError(400, badFile.getMessage());
        } catch (CharacterCodingException notUtf8) {
            throw new HttpServer.ClientError(400, "the file is not UTF-8 text");
        } catch (UncheckedIOException unreadable) {
            if (unreadable.getCause() instanceof CharacterCodingException) {
                throw new HttpServer.ClientError(400, "the file is not UTF-8 text");
            }
            throw unreadable;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        ctx.json(report);
    }

    private void setStage(Context ctx) {
        long customerId = customerId(ctx);
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("stage", "staffId"));
        if (!body.node().has("stage")) {
            throw body.error("stage", "is required (null or \"\" clears the stage)");
        }
        String stage = Objects.requireNonNullElse(body.text("stage"), "").strip();
        Long staffId = body.whole("staffId");
        if (staffId != null && staffId < 1) {
            throw body.error("staffId", "must be a staff member's id (a positive whole number)");
        }
        Actor actor = staffId == null ? Actor.admin() : Actor.staff(staffId);
        Sales.StageSet outcome;
        try {
            outcome = stage.isEmpty() ? sales.clearStage(customerId, actor) : sales.setStage(customerId, stage, actor);
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, invalid.getMessage());
        }
        if (outcome instanceof Sales.StageSet.NoSuchCustomer) {
            throw notFound(ctx);
        }
        if (outcome instanceof Sales.StageSet.UnknownStaff unknown) {
            throw new HttpServer.ClientError(400, "staffId: no staff member " + unknown.staffId());
        }
        ctx.json(StageView.of(((Sales.StageSet.Changed) outcome).view()));
    }

    private static long customerId(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new HttpServer.ClientError(400, "id: a customer id is a positive whole number");
    }

    private static HttpServer.ClientError notFound(Context ctx) {
        return new HttpServer.ClientError(404, "no customer " + ctx.pathParam("id"));
    }

    record Items<T>(List<T> items) {
    }

    record PurchaseView(long id, long customerId, String product, String purchasedOn, String orderReference,
                        BigDecimal amount, String currency, String source, Instant createdAt) {
        static PurchaseView of(Purchase purchase) {
            return new PurchaseView(purchase.id(), purchase.customerId(), purchase.product(),
                    purchase.purchasedOn().toString(), purchase.orderReference(), purchase.amount(), purchase.currency(),
                    purchase.source(), purchase.createdAt());
        }
    }

    /** @param owners per stage that has them: the staff ids listed, or the role */
    record StagesView(List<String> names, String afterSales, Map<String, StageOwnerView> owners) {
        static StagesView of(Stages stages) {
            Map<String, StageOwnerView> owners = new LinkedHashMap<>();
            stages.owners().forEach((stage, owner) -> owners.put(stage, new StageOwnerView(
                    List.copyOf(owner.staffIds()), owner.role() == null ? null : owner.role().code())));
            return new StagesView(stages.names(), stages.afterSales(), owners);
        }
    }

    record StageOwnerView(List<Long> staffIds, String role) {
    }

    record ChangeView(String from, String to, String cause, Long staffId, Instant changedAt) {
        static ChangeView of(StageChange change) {
            return new ChangeView(change.from(), change.to(), change.cause(), change.staffId(), change.changedAt());
        }
    }

    /** @param owner the customer's responsible staff member (null: nobody) */
    record StageView(String stage, OwnerView owner, List<ChangeView> history) {
        static StageView of(Sales.StageView view) {
            return new StageView(view.stage(), view.ownerId() == null ? null : new OwnerView(view.ownerId(),
                    view.ownerName()), view.history().stream().map(ChangeView::of).toList());
        }
    }

    record OwnerView(long id, String name) {
    }
}
