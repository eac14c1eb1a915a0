package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.console.access.Signed;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Consent;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.outreach.CustomerExport;
import io.retainbot.core.outreach.CustomerImport;
import io.retainbot.core.usecase.CustomerCare;
import io.retainbot.core.usecase.CustomerFile;
import io.retainbot.core.usecase.Ownership;
import io.retainbot.core.usecase.Sales;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The customers section: search by name, phone, tag and tier, and a customer's file (profile, tags,
 * consent with its time and source, chats, complaints, history across channels) through the
 * {@link CustomerFile} use case. Every role may look customers up; only those who handle complaints read
 * the complaints' descriptions (for the others the file leaves out what was said while filing them).
 * Agents, supervisors and admins edit the file (every handbook field, tags, consent as the customer gave it
 * to them, the stage and who looks after the customer); supervisors and admins merge two files and import a
 * CSV; supervisors, admins and marketers export a search's customers as CSV. Every change goes through a
 * bot-core use case that records who made it.
 */
public final class CustomerDesk {
    private static final int RESULTS = 50;
    private static final int HISTORY = 100;
    private static final int MAX_QUERY = 200;

    private final CustomerFile file;
    private final CustomerChanges changes;
    private final BusinessConfig business;
    private final Function<Long, Optional<StaffMember>> staff;

    /**
     * The use cases that change the customer file, besides {@link CustomerFile}.
     *
     * @param languages   the languages the bot speaks with customers
     * @param activeStaff the active staff members (to choose who looks after a customer)
     */
    public record CustomerChanges(CustomerCare care, Ownership ownership, Sales sales, CustomerImport imports,
                                  CustomerExport exports, List<String> languages,
                                  java.util.function.Supplier<List<StaffMember>> activeStaff) {
    }

    /** @param staff finds a staff member by id (for owners' names) */
    public CustomerDesk(CustomerFile file, CustomerChanges changes, BusinessConfig business,
                        Function<Long, Optional<StaffMember>> staff) {
        this.file = file;
        this.changes = changes;
        this.business = business;
        this.staff = staff;
    }

    void mount(JavalinConfig config, Console console) {
        CustomerEditing editing = new CustomerEditing(file, changes, this);
        config.routes.get("/console/customers", ctx -> console.signedGet(ctx, signed -> search(ctx, console, signed)));
        editing.mountBefore(config, console);
        config.routes.get("/console/customers/{id}", ctx -> console.signedGet(ctx, signed -> show(ctx, console, signed,
                CustomerEditing.Form.of(file.card(CustomerEditing.id(ctx)).map(CustomerFile.Card::customer),
                        changes.sales()), notice(ctx.queryParam("done")), null)));
        editing.mount(config, console);
    }

    private static String notice(String done) {
        return done == null ? null : switch (done) {
            case "saved" -> "customers.done.saved";
            case "tagged" -> "customers.done.tagged";
            case "untagged" -> "customers.done.untagged";
            case "consent" -> "customers.done.consent";
            case "merged" -> "customers.done.merged";
            default -> null;
        };
    }

    private void search(Context ctx, Console console, Signed signed) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        String tag = Optional.ofNullable(ctx.queryParam("tag")).orElse("").strip();
        String tier = Optional.ofNullable(ctx.queryParam("tier")).orElse("").strip();
        List<String> tiers = Arrays.stream(OpportunityTier.values()).map(OpportunityTier::code).toList();
        boolean searched = !query.isEmpty() || !tag.isEmpty() || !tier.isEmpty();
        List<CustomerViews.Found> found = List.of();
        String error = null;
        if (query.length() > MAX_QUERY || tag.length() > MAX_QUERY || (!tier.isEmpty() && !tiers.contains(tier))) {
            ctx.status(400);
            error = texts.get("customers.search.invalid");
        } else if (searched) {
            try {
                found = file.search(query(query, tag, tier)).stream().map(customer -> found(customer, texts)).toList();
            } catch (IllegalArgumentException invalid) {
                ctx.status(400);
                error = texts.get("customers.search.invalid");
            }
        }
        console.html(ctx, "customers.jte", new CustomerViews.SearchPage(console.frame(ctx, signed, "customers.title",
                "customers"), query, tag, tier, tiers, searched, found, error, CustomerEditing.exports(signed),
                CustomerEditing.supervises(signed)));
    }

    /** Digits (and phone punctuation) alone search phones; anything else searches names. */
    static CustomerQuery query(String text, String tag, String tier) {
        boolean phone = !text.isEmpty() && text.matches("[+0-9 ()./-]+") && text.replaceAll("[^0-9]", "").length() >= 3;
        CustomerQuery query = new CustomerQuery(phone || text.isEmpty() ? null : text,
                tag.isEmpty() ? null : new Tag(tag), tier.isEmpty() ? null : OpportunityTier.fromCode(tier), null,
                RESULTS, 0);
        return phone ? query.withPhone(text) : query;
    }

    CustomerViews.Found found(Customer customer, ConsoleTexts.In texts) {
        CustomerProfile profile = customer.profile();
        return new CustomerViews.Found(customer.id(), name(customer, texts), Objects.requireNonNullElse(profile.phone(), ""),
                profile.tier() == null ? "" : texts.get("tier." + profile.tier().code()), owner(profile),
                customer.tags().stream().map(Tag::name).toList());
    }

    /** The customer's file, with the edit form as given (values and problems) and a notice or error on top. */
    void show(Context ctx, Console console, Signed signed, CustomerEditing.Form form, String noticeKey, String error) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        long id = CustomerEditing.id(ctx);
        Optional<CustomerFile.Card> card = id < 1 ? Optional.empty() : file.card(id);
        Optional<CustomerFile.History> history = card.isEmpty() ? Optional.empty() : file.history(id);
        if (card.isEmpty() || history.isEmpty()) {
            console.notFound(ctx, signed, texts.get("customers.unknown", ctx.pathParam("id")));
            return;
        }
        Customer customer = card.get().customer();
        ZoneId zone = console.zone();
        List<CustomerViews.ComplaintLine> complaints = history.get().complaints().stream().map(complaint ->
                new CustomerViews.ComplaintLine(complaint.ref().toString(), category(complaint.category(), texts),
                        texts.get("status." + complaint.status().code()),
                        signed.handlesComplaints() ? complaint.description() : "",
                        Console.when(complaint.createdAt(), zone), signed.handlesComplaints())).toList();
        List<CustomerViews.Line> lines = history.get().messages().stream().limit(HISTORY)
                .filter(entry -> !entry.summary().isBlank())
                .filter(entry -> signed.handlesComplaints() || entry.complaintNumber() == null)
                .map(entry -> new CustomerViews.Line(entry.direction() == Interaction.Direction.OUTBOUND,
                        entry.channel().platform().code() + " · " + entry.summary(), Console.when(entry.occurredAt(), zone)))
                .toList();
        List<CustomerViews.Channel> channels = card.get().identities().stream().map(identity -> channel(identity,
                texts, zone)).toList();
        CustomerViews.Editing editing = !CustomerEditing.edits(signed) ? null : new CustomerViews.Editing(form,
                changes.languages(), Arrays.stream(OpportunityTier.values()).map(OpportunityTier::code).toList(),
                changes.sales().stages().names(), changes.activeStaff().get().stream()
                .map(member -> new CustomerViews.Choice(String.valueOf(member.id()), member.name())).toList(),
                Arrays.stream(io.retainbot.core.customer.Tone.values())
                        .map(tone -> tone.name().toLowerCase(Locale.ROOT)).toList(), CustomerEditing.supervises(signed));
        console.html(ctx, "customer.jte", new CustomerViews.FilePage(console.frame(ctx, signed, "customers.file.title",
                "customers"), customer.id(), name(customer, texts), fields(customer, texts), customer.tags().stream()
                .map(Tag::name).toList(), consent(customer.consent(), texts, zone), channels, complaints, lines, editing,
                noticeKey == null ? null : texts.get(noticeKey), error));
    }

    private List<CustomerViews.Field> fields(Customer customer, ConsoleTexts.In texts) {
        CustomerProfile profile = customer.profile();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("field.form_of_address", profile.formOfAddress());
        values.put("field.language", profile.language());
        values.put("field.phone", profile.phone());
        values.put("field.email", profile.email());
        values.put("field.birthday", profile.birthday() == null ? null : CustomerEditing.birthday(profile.birthday()));
        values.put("field.company", profile.company());
        values.put("field.occupation", profile.occupation());
        values.put("field.needs", profile.needs());
        values.put("field.pain_points", profile.painPoints());
        values.put("field.preferences", profile.notes());
        values.put("field.source", profile.sourceChannel());
        values.put("field.tier", profile.tier() == null ? null : texts.get("tier." + profile.tier().code()));
        values.put("field.tone", profile.tone() == null ? null : profile.tone().name().toLowerCase(Locale.ROOT));
        values.put("field.zone", profile.zone() == null ? null : profile.zone().getId());
        values.put("field.stage", changes.sales().stage(customer.id()).map(Sales.StageView::stage).orElse(null));
        values.put("field.owner", owner(profile));
        List<CustomerViews.Field> fields = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                fields.add(new CustomerViews.Field(texts.get(key), value));
            }
        });
        return fields;
    }

    private static String consent(Consent consent, ConsoleTexts.In texts, ZoneId zone) {
        if (consent.answeredAt() == null) {
            return texts.get("consent.unanswered");
        }
        String source = consent.source() == null || consent.source().isBlank() ? "?" : consent.source();
        return texts.get(consent.granted() ? "consent.given" : "consent.refused",
                Console.when(consent.answeredAt(), zone), source);
    }

    private static CustomerViews.Channel channel(ChannelIdentity identity, ConsoleTexts.In texts, ZoneId zone) {
        return new CustomerViews.Channel(identity.platform().code(),
                Objects.requireNonNullElse(identity.displayName(), ""),
                identity.unreachableSince() == null ? texts.get("channel.reachable")
                        : texts.get("channel.unreachable", Console.when(identity.unreachableSince(), zone)),
                identity.lastSeenAt() == null ? "" : Console.when(identity.lastSeenAt(), zone));
    }

    private String owner(CustomerProfile profile) {
        return profile.responsibleStaffId() == null ? "" : staff.apply(profile.responsibleStaffId())
                .map(StaffMember::name).orElse("#" + profile.responsibleStaffId());
    }

    String category(String id, ConsoleTexts.In texts) {
        return business.categories().stream().filter(category -> category.id().equals(id)).findFirst()
                .map(category -> category.label(texts.language())).orElse(id);
    }

    static String name(Customer customer, ConsoleTexts.In texts) {
        String name = customer.profile().displayName();
        return name == null || name.isBlank() ? texts.get("customer.numbered", customer.id()) : name;
    }
}
