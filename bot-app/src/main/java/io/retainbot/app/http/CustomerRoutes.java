package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.app.http.HttpServer.ClientError;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.CustomerRecords;
import io.retainbot.core.port.OwnershipStore.OwnerChange;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CustomerFile;
import io.retainbot.core.usecase.OwnerResult;
import io.retainbot.core.usecase.Ownership;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer file for staff under {@code /api/customers}: search, read, edit the handbook's fields,
 * tags, the whole history in one call, and moving a customer to another responsible staff member.
 */
public final class CustomerRoutes {
    private static final Set<String> PROFILE_FIELDS = new TreeSet<>(List.of("displayName", "formOfAddress", "gender",
            "birthday", "language", "timeZone", "phone", "email", "company", "industry", "occupation", "position",
            "needs", "painPoints", "notes", "tone", "sourceChannel", "introducerId", "tier"));
    private static final Pattern BIRTHDAY = Pattern.compile("(?:(\\d{4})-)?(\\d{2})-(\\d{2})");

    private final CustomerFile file;
    private final Ownership ownership;
    private final ObjectMapper json = new ObjectMapper();

    public CustomerRoutes(CustomerFile file, Ownership ownership) {
        this.file = file;
        this.ownership = ownership;
    }

    /** Mount after routes with fixed paths under /api/customers (import, export). */
    public void mount(JavalinConfig config) {
        config.routes.get("/api/customers", this::search);
        config.routes.get("/api/customers/{id}", ctx -> ctx.json(CardView.of(file.card(id(ctx))
                .orElseThrow(() -> noCustomer(ctx)))));
        config.routes.patch("/api/customers/{id}", this::edit);
        config.routes.get("/api/customers/{id}/history", ctx -> ctx.json(HistoryView.of(file.history(id(ctx))
                .orElseThrow(() -> noCustomer(ctx)))));
        config.routes.post("/api/customers/{id}/tags", ctx -> {
            long id = id(ctx);
            JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("tag"));
            Tag tag = tag(body.requiredText("tag"), "tag");
            ctx.json(CustomerView.of(file.tag(id, tag, true).orElseThrow(() -> noCustomer(ctx))));
        });
        config.routes.delete("/api/customers/{id}/tags/{tag}", ctx -> {
            long id = id(ctx);
            Tag tag = tag(ctx.pathParam("tag"), "tag");
            ctx.json(CustomerView.of(file.tag(id, tag, false).orElseThrow(() -> noCustomer(ctx))));
        });
        config.routes.post("/api/customers/{id}/reassign", ctx -> {
            long id = id(ctx);
            JsonInput body = JsonInput.body(json, ctx.body()).allowing(new TreeSet<>(Set.of("toStaffId", "staffId")));
            Long to = body.whole("toStaffId");
            if (to == null) {
                throw body.error("toStaffId", "is required");
            }
            Actor actor = actor(body);
            OwnerResult result = valid(() -> ownership.reassign(new CareInputs.ReassignCustomer(id, to, actor)));
            respond(ctx, result);
        });
        config.routes.post("/api/staff/{id}/leave", ctx -> {
            long id = id(ctx);
            JsonInput body = JsonInput.body(json, ctx.body().isBlank() ? "{}" : ctx.body()).allowing(Set.of("staffId"));
            Actor actor = actor(body);
            respond(ctx, valid(() -> ownership.staffLeaves(new CareInputs.StaffLeaves(id, actor))));
        });
    }

    private void search(Context ctx) {
        CustomerQuery query = new CustomerQuery(ctx.queryParam("name"), null, null, null,
                number(ctx, "limit", 100, 1, CustomerQuery.MAX_LIMIT), number(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                ctx.queryParam("phone"));
        String tag = ctx.queryParam("tag");
        if (tag != null && !tag.isBlank()) {
            query = query.tagged(tag(tag, "tag"));
        }
        String tier = ctx.queryParam("tier");
        if (tier != null && !tier.isBlank()) {
            query = query.inTier(tier(tier));
        }
        String owner = ctx.queryParam("owner");
        if (owner != null && !owner.isBlank()) {
            query = query.lookedAfterBy(number(ctx, "owner", 0, 1, Integer.MAX_VALUE));
        }
        CustomerQuery search = query;
        ctx.json(Map.of("items", file.search(search).stream().map(CustomerView::of).toList(),
                "limit", search.limit(), "offset", search.offset()));
    }

    private void edit(Context ctx) {
        long id = id(ctx);
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(PROFILE_FIELDS);
        UnaryOperator<CustomerProfile.Builder> change = profileChange(body);
        Customer edited;
        try {
            edited = file.edit(id, change).orElseThrow(() -> noCustomer(ctx));
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
        ctx.json(CustomerView.of(edited));
    }

    /** The fields present in the body (null clears an optional one); each checked here, named when wrong. */
    private static UnaryOperator<CustomerProfile.Builder> profileChange(JsonInput body) {
        List<UnaryOperator<CustomerProfile.Builder>> changes = new ArrayList<>();
        textField(body, changes, "displayName", (b, v) -> b.displayName(v == null ? "" : v));
        textField(body, changes, "formOfAddress", CustomerProfile.Builder::formOfAddress);
        textField(body, changes, "gender", CustomerProfile.Builder::gender);
        textField(body, changes, "phone", CustomerProfile.Builder::phone);
        textField(body, changes, "email", CustomerProfile.Builder::email);
        textField(body, changes, "company", CustomerProfile.Builder::company);
        textField(body, changes, "industry", CustomerProfile.Builder::industry);
        textField(body, changes, "occupation", CustomerProfile.Builder::occupation);
        textField(body, changes, "position", CustomerProfile.Builder::position);
        textField(body, changes, "needs", CustomerProfile.Builder::needs);
        textField(body, changes, "painPoints", CustomerProfile.Builder::painPoints);
        textField(body, changes, "notes", CustomerProfile.Builder::notes);
        textField(body, changes, "sourceChannel", CustomerProfile.Builder::sourceChannel);
        if (present(body, "language")) {
            String language = body.requiredText("language").strip().toLowerCase(Locale.ROOT);
            if (!Messages.builtInLanguages().contains(language)) {
                throw body.error("language", "must be one of " + String.join(", ", Messages.builtInLanguages())
                        + " (the languages the bot speaks)");
            }
            add(body, changes, "language", b -> b.language(language));
        }
        if (present(body, "tone")) {
            String tone = body.requiredText("tone");
            Tone value = switch (tone.strip().toLowerCase(Locale.ROOT)) {
                case "formal" -> Tone.FORMAL;
                case "friendly" -> Tone.FRIENDLY;
                default -> throw body.error("tone", "must be formal or friendly");
            };
            add(body, changes, "tone", b -> b.tone(value));
        }
        if (present(body, "tier")) {
            String tier = body.text("tier");
            OpportunityTier value = tier == null ? null : tier(tier);
            add(body, changes, "tier", b -> b.tier(value));
        }
        if (present(body, "timeZone")) {
            String zone = body.text("timeZone");
            ZoneId value;
            try {
                value = zone == null ? null : ZoneId.of(zone.strip());
            } catch (DateTimeException unknown) {
                throw body.error("timeZone", "\"" + zone + "\" is not a time zone such as Asia/Seoul");
            }
            add(body, changes, "timeZone", b -> b.zone(value));
        }
        if (present(body, "birthday")) {
            String text = body.text("birthday");
            Birthday value = text == null ? null : birthday(body, text);
            add(body, changes, "birthday", b -> b.birthday(value));
        }
        if (present(body, "introducerId")) {
            Long introducer = body.whole("introducerId");
            if (introducer != null && introducer < 1) {
                throw body.error("introducerId", "must be a customer's id");
            }
            add(body, changes, "introducerId", b -> b.introducerId(introducer));
        }
        return builder -> {
            CustomerProfile.Builder current = builder;
            for (UnaryOperator<CustomerProfile.Builder> change : changes) {
                current = change.apply(current);
            }
            return current;
        };
    }

    /** Adds the change of {@code field}, after checking it alone makes a valid profile (so an error names it). */
    private static void add(JsonInput body, List<UnaryOperator<CustomerProfile.Builder>> changes, String field,
                            UnaryOperator<CustomerProfile.Builder> change) {
        try {
            change.apply(CustomerProfile.builder()).build();
        } catch (IllegalArgumentException invalid) {
            throw body.error(field, invalid.getMessage());
        }
        changes.add(change);
    }

    private static boolean present(JsonInput body, String field) {
        return body.node().has(field);
    }

    private static void textField(JsonInput body, List<UnaryOperator<CustomerProfile.Builder>> changes, String field,
                                  java.util.function.BiFunction<CustomerProfile.Builder, String, CustomerProfile.Builder> set) {
        if (present(body, field)) {
            String value = body.text(field);
            add(body, changes, field, b -> set.apply(b, value));
        }
    }

    private static Birthday birthday(JsonInput body, String text) {
        Matcher matcher = BIRTHDAY.matcher(text.strip());
        if (!matcher.matches()) {
            throw body.error("birthday", "must be MM-DD or YYYY-MM-DD, was \"" + text + "\"");
        }
        try {
            return new Birthday(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    matcher.group(1) == null ? null : Integer.parseInt(matcher.group(1)));
        } catch (IllegalArgumentException | DateTimeException invalid) {
            throw body.error("birthday", invalid.getMessage());
        }
    }

    private static void respond(Context ctx, OwnerResult result) {
        if (result instanceof OwnerResult.Refused refused) {
            int status = switch (refused.reason()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNKNOWN_STAFF -> 400;
            };
            throw new ClientError(status, refused.message());
        }
        List<Map<String, Long>> owners = new ArrayList<>();
        ((OwnerResult.Done) result).owners().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> owners.add(Map.of("customerId", entry.getKey(), "staffId", entry.getValue())));
        ctx.json(Map.of("owners", owners));
    }

    private static Actor actor(JsonInput body) {
        Long staff = body.whole("staffId");
        if (staff == null) {
            return Actor.admin();
        }
        if (staff < 1) {
            throw body.error("staffId", "must be a staff member's id");
        }
        return Actor.staff(staff);
    }

    private static Tag tag(String text, String field) {
        try {
            return new Tag(text);
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, field + ": " + invalid.getMessage());
        }
    }

    private static OpportunityTier tier(String text) {
        try {
            return OpportunityTier.fromCode(text.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ClientError(400, "tier: must be high, medium or low");
        }
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ClientError(400, name + ": must be a whole number from " + min + " to " + max);
    }

    private static <T> T valid(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
    }

    private static long id(Context ctx) {
        return StaffRoutes.id(ctx);
    }

    private static ClientError noCustomer(Context ctx) {
        return new ClientError(404, "no customer " + ctx.pathParam("id"));
    }

    record CustomerView(long id, String displayName, String formOfAddress, String gender, String birthday,
                        String language, String timeZone, String phone, String email, String company, String industry,
                        String occupation, String position, String needs, String painPoints, String notes, String tone,
                        String sourceChannel, Long introducerId, String tier, Long responsibleStaffId,
                        boolean consent, List<String> tags, Instant createdAt, Instant updatedAt, Instant lastContactAt) {
        static CustomerView of(Customer customer) {
            CustomerProfile p = customer.profile();
            Birthday birthday = p.birthday();
            String day = birthday == null ? null : (birthday.year() == null ? "" : String.format("%04d-", birthday.year()))
                    + String.format("%02d-%02d", birthday.month(), birthday.day());
            return new CustomerView(customer.id(), p.displayName(), p.formOfAddress(), p.gender(), day, p.language(),
                    p.zone() == null ? null : p.zone().getId(), p.phone(), p.email(), p.company(), p.industry(),
                    p.occupation(), p.position(), p.needs(), p.painPoints(), p.notes(),
                    p.tone().name().toLowerCase(Locale.ROOT), p.sourceChannel(), p.introducerId(),
                    p.tier() == null ? null : p.tier().code(), p.responsibleStaffId(), customer.consent().granted(),
                    customer.tags().stream().map(Tag::name).toList(), customer.createdAt(), customer.updatedAt(),
                    customer.lastContactAt());
        }
    }

    record IdentityView(String platform, String userId, String chatId, String displayName, Instant unreachableSince) {
    }

    record OwnerView(long id, String name, String role, boolean active) {
    }

    record OwnerChangeView(Long fromStaffId, Long toStaffId, Long changedByStaffId, String reason, Instant changedAt) {
        static OwnerChangeView of(OwnerChange change) {
            return new OwnerChangeView(change.fromStaffId(), change.toStaffId(), change.changedByStaffId(),
                    change.reason(), change.changedAt());
        }
    }

    record CardView(CustomerView customer, List<IdentityView> identities, OwnerView owner,
                    List<OwnerChangeView> ownerChanges) {
        static CardView of(CustomerFile.Card card) {
            return new CardView(CustomerView.of(card.customer()), card.identities().stream().map(CardView::identity)
                    .toList(), card.owner().map(staff -> new OwnerView(staff.id(), staff.name(), staff.role().code(),
                    staff.active())).orElse(null), card.ownerChanges().stream().map(OwnerChangeView::of).toList());
        }

        private static IdentityView identity(ChannelIdentity identity) {
            return new IdentityView(identity.platform().code(), identity.userId(), identity.chatId(),
                    identity.displayName(), identity.unreachableSince());
        }
    }

    record OutreachView(long broadcastId, String name, LocalDateTime occurrence, String status, String reason,
                        Instant updatedAt) {
        static OutreachView of(CustomerRecords.Outreach outreach) {
            return new OutreachView(outreach.broadcastId(), outreach.broadcastName(), outreach.occurrence(),
                    outreach.status(), outreach.reason(), outreach.updatedAt());
        }
    }

    record ScoreView(String complaint, String question, int score, Instant answeredAt) {
    }

    /** @param complaint the reference of the complaint filed from the check-in ("I have a problem"), or null */
    record CheckInView(long id, String cadence, String about, long aboutId, Instant dueAt, String status,
                       Instant sentAt, String answer, Instant answeredAt, String skipReason, String complaint) {
        static CheckInView of(CheckIn checkIn) {
            return new CheckInView(checkIn.id(), checkIn.cadence(), checkIn.about(), checkIn.aboutId(), checkIn.dueAt(),
                    checkIn.status().code(), checkIn.sentAt(), checkIn.answer() == null ? null : checkIn.answer().code(),
                    checkIn.answeredAt(), checkIn.skipReason(),
                    checkIn.complaint() == null ? null : checkIn.complaint().toString());
        }
    }

    record HistoryView(CustomerView customer, List<ApiViews.MessageView> messages,
                       List<ApiViews.ComplaintView> complaints, List<OutreachView> greetings, List<ScoreView> scores,
                       List<CheckInView> checkIns, List<KeepInTouchRoutes.ReviewView> reviews,
                       List<SalesRoutes.ChangeView> stageChanges) {
        static HistoryView of(CustomerFile.History history) {
            return new HistoryView(CustomerView.of(history.customer()),
                    history.messages().stream().map(ApiViews.MessageView::of).toList(),
                    history.complaints().stream().map(ApiViews.ComplaintView::of).toList(),
                    history.greetings().stream().map(OutreachView::of).toList(),
                    history.scores().stream().map(score -> new ScoreView(new io.retainbot.core.complaint.ComplaintRef(score.complaintNumber()).toString(),
                            score.question(), score.score(), score.answeredAt())).toList(),
                    history.checkIns().stream().map(CheckInView::of).toList(),
                    history.reviews().stream().map(KeepInTouchRoutes.ReviewView::of).toList(),
                    history.stageChanges().stream().map(SalesRoutes.ChangeView::of).toList());
        }
    }
}
