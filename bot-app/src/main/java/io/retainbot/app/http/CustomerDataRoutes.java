package io.retainbot.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.customer.Erasure;
import io.retainbot.core.usecase.CustomerData;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The customer's own data through the REST API (behind the admin token): everything about one customer
 * as JSON, table by table, and erasure with a reason (the same erasure as the customer's {@code /forget}).
 */
public final class CustomerDataRoutes {
    private final CustomerData data;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public CustomerDataRoutes(CustomerData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public void mount(JavalinConfig config) {
        config.routes.get("/api/customers/{id}/export", this::export);
        config.routes.post("/api/customers/{id}/erase", this::erase);
    }

    private void export(Context ctx) {
        long id = customerId(ctx);
        Map<String, String> tables = data.export(id)
                .orElseThrow(() -> new HttpServer.ClientError(404, "no customer " + id));
        ObjectNode export = json.createObjectNode();
        export.put("customerId", id);
        export.put("exportedAt", clock.instant().toString());
        ObjectNode byTable = export.putObject("tables");
        tables.forEach((table, rows) -> byTable.set(table, parse(rows)));
        ctx.header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"");
        ctx.contentType("application/json").result(export.toString());
    }

    private void erase(Context ctx) {
        long id = customerId(ctx);
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("reason", "staffId"));
        String reason = body.requiredText("reason");
        Long staffId = body.whole("staffId");
        if (staffId != null && staffId < 1) {
            throw body.error("staffId", "must be a staff member's id (a positive whole number)");
        }
        Erasure erasure;
        try {
            erasure = new Erasure(id, staffId == null ? Erasure.RequestedBy.ADMIN : Erasure.RequestedBy.STAFF, staffId,
                    reason);
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, invalid.getMessage());
        }
        CustomerData.Outcome outcome = data.erase(erasure);
        if (outcome instanceof CustomerData.Outcome.NoSuchCustomer) {
            throw new HttpServer.ClientError(404, "no customer " + id);
        }
        if (outcome instanceof CustomerData.Outcome.UnknownStaff unknown) {
            throw new HttpServer.ClientError(400, "staffId: no staff member " + unknown.staffId());
        }
        ctx.json(new Erased(id, clock.instant().toString(), ((CustomerData.Outcome.Erased) outcome).changed()));
    }

    record Erased(long customerId, String erasedAt, Map<String, Integer> changed) {
    }

    private JsonNode parse(String rows) {
        try {
            return json.readTree(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new IllegalStateException("the store returned rows that are not JSON", unreadable);
        }
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
}
