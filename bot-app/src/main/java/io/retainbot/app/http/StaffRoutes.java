package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.app.http.HttpServer.ClientError;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.StaffDirectory;
import io.retainbot.core.usecase.StaffInputs;
import io.retainbot.core.usecase.StaffResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The staff list under {@code /api/staff}: who works here, their role (agent, supervisor, marketer,
 * admin), the complaint categories they handle and the chats they work from. Nobody is deleted: a
 * person who leaves is made inactive (their history stays theirs).
 */
public final class StaffRoutes {
    private static final Set<String> STAFF_FIELDS = new TreeSet<>(List.of("name", "role", "categories", "identities"));
    private static final Set<String> CHANGE_FIELDS = new TreeSet<>(List.of("name", "role", "active", "categories"));
    private static final Set<String> IDENTITY_FIELDS = new TreeSet<>(List.of("platform", "userId", "chatId"));
    private static final String ROLES = String.join(", ",
            Arrays.stream(StaffRole.values()).map(StaffRole::code).toList());
    private static final String PLATFORMS = String.join(", ",
            Arrays.stream(Platform.values()).map(Platform::code).toList());

    private final StaffDirectory directory;
    private final ObjectMapper json = new ObjectMapper();

    public StaffRoutes(StaffDirectory directory) {
        this.directory = directory;
    }

    public void mount(JavalinConfig config) {
        config.routes.get("/api/staff", this::list);
        config.routes.post("/api/staff", this::add);
        config.routes.get("/api/staff/{id}", ctx -> ctx.json(StaffView.of(directory.find(id(ctx))
                .orElseThrow(() -> new ClientError(404, "no staff member " + ctx.pathParam("id"))))));
        config.routes.patch("/api/staff/{id}", this::change);
        config.routes.post("/api/staff/{id}/identities", ctx -> {
            long staffId = id(ctx);
            JsonInput body = JsonInput.body(json, ctx.body()).allowing(IDENTITY_FIELDS);
            StaffIdentity identity = identity(body);
            respond(ctx, valid(() -> directory.link(staffId, identity)), 200);
        });
        config.routes.delete("/api/staff/{id}/identities/{platform}/{userId}", ctx -> {
            long staffId = id(ctx);
            Platform platform = platform(ctx.pathParam("platform"), "platform");
            respond(ctx, valid(() -> directory.unlink(staffId, platform, ctx.pathParam("userId"))), 200);
        });
    }

    private void list(Context ctx) {
        String active = ctx.queryParam("active");
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw new ClientError(400, "active: must be true or false");
        }
        List<StaffMember> staff = directory.list("true".equals(active));
        ctx.json(new OutreachRoutes.Items<>(staff.stream()
                .filter(member -> !"false".equals(active) || !member.active())
                .map(StaffView::of).toList()));
    }

    private void add(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(STAFF_FIELDS);
        String name = body.requiredText("name");
        StaffRole role = role(body.requiredText("role"));
        Set<String> categories = body.set("categories", JsonInput.JsonElement::text);
        List<StaffIdentity> identities = body.list("identities", element -> identity(element.object()));
        StaffInputs.AddStaff input = valid(() -> new StaffInputs.AddStaff(name, role, categories, identities));
        respond(ctx, valid(() -> directory.add(input)), 201);
    }

    private void change(Context ctx) {
        long staffId = id(ctx);
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(CHANGE_FIELDS);
        String name = body.text("name");
        StaffRole role = body.has("role") ? role(body.text("role")) : null;
        Boolean active = body.bool("active");
        Set<String> categories = body.has("categories") ? body.set("categories", JsonInput.JsonElement::text) : null;
        StaffInputs.ChangeStaff input = valid(() -> new StaffInputs.ChangeStaff(staffId, name, role, active, categories));
        respond(ctx, valid(() -> directory.change(input)), 200);
    }

    private static void respond(Context ctx, StaffResult result, int okStatus) {
        if (result instanceof StaffResult.Refused refused) {
            int status = switch (refused.reason()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNKNOWN_STAFF -> 400;
            };
            throw new ClientError(status, refused.message());
        }
        ctx.status(okStatus).json(StaffView.of(((StaffResult.Done) result).staff()));
    }

    private static StaffIdentity identity(JsonInput body) {
        Platform platform = platform(body.requiredText("platform"), body.name("platform"));
        String userId = body.requiredText("userId");
        String chatId = body.text("chatId");
        try {
            return new StaffIdentity(platform, userId.strip(), chatId == null || chatId.isBlank() ? userId.strip()
                    : chatId.strip());
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, body.name("userId") + ": " + invalid.getMessage());
        }
    }

    private static Platform platform(String code, String field) {
        try {
            return Platform.fromCode(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ClientError(400, field + ": must be one of " + PLATFORMS);
        }
    }

    private static StaffRole role(String code) {
        try {
            return StaffRole.fromCode(code.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ClientError(400, "role: must be one of " + ROLES);
        }
    }

    /** Runs {@code work}; an input that refused itself (IllegalArgumentException) is the client's 400. */
    private static <T> T valid(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
    }

    static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ClientError(400, "id: must be a positive whole number");
    }

    record IdentityView(String platform, String userId, String chatId) {
    }

    record StaffView(long id, String name, String role, boolean active, List<String> categories,
                     List<IdentityView> identities, Instant createdAt) {
        static StaffView of(StaffMember staff) {
            return new StaffView(staff.id(), staff.name(), staff.role().code(), staff.active(),
                    List.copyOf(staff.categories()), staff.identities().stream()
                    .map(identity -> new IdentityView(identity.platform().code(), identity.userId(), identity.chatId()))
                    .toList(), staff.createdAt());
        }
    }
}
