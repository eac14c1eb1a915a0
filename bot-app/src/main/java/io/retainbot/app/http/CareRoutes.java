package io.retainbot.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.app.http.HttpServer.ClientError;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CareResult;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.CustomerCare;
import io.retainbot.core.usecase.HandoverCare;
import io.retainbot.core.usecase.HandoverResult;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The staff operations as REST calls under {@code /api} (behind the admin token): the same use cases
 * the staff chats call. A body is a JSON object; {@code staffId} names the staff member acting (absent:
 * the business itself, through the admin token). Refusals are JSON errors: 404 no such complaint, 409
 * not in a state that allows it, 400 a field that is wrong (named).
 */
public final class CareRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ComplaintCare complaints;
    private final CustomerCare customers;
    private final HandoverCare handovers;

    public CareRoutes(ComplaintCare complaints, CustomerCare customers, HandoverCare handovers) {
        this.complaints = complaints;
        this.customers = customers;
        this.handovers = handovers;
    }

    public void mount(JavalinConfig config) {
        complaintAction(config, "claim", Set.of("staffId"), (ref, body) ->
                complaints.claim(new CareInputs.ClaimComplaint(ref, actor(body))));
        complaintAction(config, "reply", Set.of("staffId", "text"), (ref, body) ->
                complaints.answer(new CareInputs.AnswerComplaint(ref, actor(body), text(body, "text"))));
        complaintAction(config, "resolve", Set.of("staffId", "summary"), (ref, body) ->
                complaints.resolve(new CareInputs.ResolveComplaint(ref, actor(body), text(body, "summary"))));
        complaintAction(config, "cant-help", Set.of("staffId", "explanation", "referrals", "written"), (ref, body) ->
                complaints.refer(new CareInputs.ReferComplaint(ref, actor(body), text(body, "explanation"),
                        texts(body, "referrals"), written(body))));
        complaintAction(config, "note", Set.of("staffId", "text"), (ref, body) ->
                complaints.note(new CareInputs.NoteComplaint(ref, actor(body), text(body, "text"))));
        complaintAction(config, "reassign", Set.of("staffId", "toStaffId"), (ref, body) ->
                complaints.reassign(new CareInputs.ReassignComplaint(ref, actor(body), requiredId(body, "toStaffId"))));
        complaintAction(config, "reopen", Set.of("staffId", "reason"), (ref, body) ->
                complaints.reopen(new CareInputs.ReopenComplaint(ref, actor(body), text(body, "reason"))));
        handoverAction(config, "take", Set.of("staffId"), (id, body) ->
                handovers.take(new CareInputs.TakeHandover(id, actor(body))));
        handoverAction(config, "messages", Set.of("staffId", "text"), (id, body) ->
                handovers.reply(new CareInputs.ReplyHandover(id, actor(body), text(body, "text"))));
        handoverAction(config, "close", Set.of("staffId"), (id, body) ->
                handovers.close(new CareInputs.CloseHandover(id, actor(body))));
        config.routes.post("/api/customers/{id}/opt-out", ctx -> {
            JsonNode body = body(ctx, Set.of("staffId"));
            long customerId = customerId(ctx);
            boolean done = valid(() -> customers.optOut(new CareInputs.OptOutCustomer(customerId, actor(body))));
            if (!done) {
                throw new ClientError(404, "no customer " + customerId);
            }
            ctx.json(Map.of("customerId", customerId, "consent", false));
        });
    }

    @FunctionalInterface
    private interface Action {
        CareResult run(ComplaintRef ref, JsonNode body);
    }

    private void complaintAction(JavalinConfig config, String name, Set<String> fields, Action action) {
        config.routes.post("/api/complaints/{reference}/" + name, ctx -> {
            ComplaintRef ref = HttpServer.reference(ctx);
            JsonNode body = body(ctx, fields);
            CareResult result = valid(() -> action.run(ref, body));
            if (result instanceof CareResult.Refused refused) {
                int status = switch (refused.reason()) {
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                    case UNKNOWN_STAFF -> 400;
                };
                throw new ClientError(status, refused.message());
            }
            ctx.json(ApiViews.ComplaintView.of(((CareResult.Done) result).complaint()));
        });
    }

    @FunctionalInterface
    private interface HandoverAction {
        HandoverResult run(long requestId, JsonNode body);
    }

    private void handoverAction(JavalinConfig config, String name, Set<String> fields, HandoverAction action) {
        config.routes.post("/api/handover-requests/{id}/" + name, ctx -> {
            long requestId = pathId(ctx, "a handover request id");
            JsonNode body = body(ctx, fields);
            HandoverResult result = valid(() -> action.run(requestId, body));
            if (result instanceof HandoverResult.Refused refused) {
                throw new ClientError(status(refused.reason()), refused.message());
            }
            ctx.json(ApiViews.HandoverView.of(((HandoverResult.Done) result).request()));
        });
    }

    private static int status(CareResult.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNKNOWN_STAFF -> 400;
        };
    }

    /** Runs {@code work}; an input that refused itself (IllegalArgumentException) is the client's 400. */
    private static <T> T valid(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
    }

    private static JsonNode body(Context ctx, Set<String> allowed) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new ClientError(400, "the body must be a JSON object with " + String.join(", ", allowed));
        }
        if (body == null || !body.isObject()) {
            throw new ClientError(400, "the body must be a JSON object with " + String.join(", ", allowed));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw new ClientError(400, "unknown field " + field.replaceAll("[^A-Za-z0-9_-]", "?")
                        + "; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return body;
    }

    private static long customerId(Context ctx) {
        return pathId(ctx, "a customer id");
    }

    private static long pathId(Context ctx, String what) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ClientError(400, what + " is a positive whole number");
    }

    private static Actor actor(JsonNode body) {
        JsonNode staff = body.get("staffId");
        if (staff == null || staff.isNull()) {
            return Actor.admin();
        }
        return Actor.staff(id(staff, "staffId"));
    }

    private static long requiredId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new ClientError(400, field + " is required");
        }
        return id(value, field);
    }

    private static long id(JsonNode value, String field) {
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw new ClientError(400, field + " must be a staff member's id (a positive whole number)");
        }
        return value.asLong();
    }

    private static java.util.List<String> texts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw new ClientError(400, field + " must be a list of referral ids");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new ClientError(400, field + "[" + i + "] must be text");
            }
            items.add(value.get(i).asText());
        }
        return items;
    }

    /** Referrals written in by staff (not from the directory): a list of {name, contact, note}. */
    private static java.util.List<CareInputs.WrittenReferral> written(JsonNode body) {
        JsonNode value = body.get("written");
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw new ClientError(400, "written must be a list of referrals, each {name, contact, note}");
        }
        java.util.List<CareInputs.WrittenReferral> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw new ClientError(400, "written[" + i + "] must be an object {name, contact, note}");
            }
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!Set.of("name", "contact", "note").contains(field)) {
                    throw new ClientError(400, "written[" + i + "]: unknown field "
                            + field.replaceAll("[^A-Za-z0-9_-]", "?") + "; allowed: contact, name, note");
                }
            }
            referrals.add(new CareInputs.WrittenReferral(text(item, "name"), text(item, "contact"), text(item, "note")));
        }
        return referrals;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ClientError(400, field + " must be text");
        }
        return value.asText();
    }
}
