package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.Referral;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.StaffPostStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.Reviews;
import io.retainbot.core.usecase.Sales;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The staff commands that read or note something: {@code /mine}, {@code /queue}, {@code /customer},
 * {@code /tag}, {@code /note}, {@code /review}, {@code /stage}, and the list of them for anything else. Each returns the text to post
 * back in the staff chat. A command may name its complaint ({@code /tag C-1042 vip}) or answer a ping
 * (a Telegram reply, a message in a Discord thread), which names it.
 */
final class StaffCommands {
    static final int LIST_LIMIT = 15;
    private static final int LAST_CONTACTS = 5;
    private static final int SHORT = 60;

    private final StaffChats staffChats;
    private final BusinessConfig business;
    private final Sales sales;

    StaffCommands(StaffChats staffChats, BusinessConfig business, Sales sales) {
        this.staffChats = staffChats;
        this.business = business;
        this.sales = sales;
    }

    /** The complaint a command is about ({@code rest} is the argument after its reference, if it named one). */
    record Target(Optional<ComplaintRef> ref, String rest) {
    }

    Target target(StoreSession session, Optional<StaffPostStore.Post> post, String argument) {
        String[] words = argument.strip().split("\\s+", 2);
        Optional<ComplaintRef> named = ComplaintRef.parse(words[0]);
        if (named.isPresent()) {
            return new Target(named, words.length > 1 ? words[1].strip() : "");
        }
        Optional<ComplaintRef> answered = post.map(StaffPostStore.Post::complaintId)
                .flatMap(id -> session.complaints().byId(id)).map(Complaint::ref);
        return new Target(answered, argument.strip());
    }

    String run(StoreSession session, StaffMember staff, InboundEvent.CommandReceived command,
               Optional<StaffPostStore.Post> post, Instant now) {
        return switch (command.name()) {
            case "mine" -> list(session, session.complaints().activeAssignedTo(staff.id(), LIST_LIMIT),
                    "staff.mine.title", "staff.mine.none");
            case "queue" -> list(session, session.complaints().unclaimed(LIST_LIMIT), "staff.queue.title",
                    "staff.queue.none");
            case "customer" -> customer(session, command.argument(), now);
            case "tag" -> tag(session, post, command.argument());
            case "note" -> note(session, staff, post, command.argument(), now);
            case "review" -> review(session, staff, command.argument(), now);
            case "stage" -> stage(session, staff, command.argument(), now);
            default -> texts().get("staff.commands");
        };
    }

    /**
     * {@code /review <customer number> <outcome> <notes> next: <next step>}: an account review the staff
     * member held, recorded on the customer file.
     */
    private String review(StoreSession session, StaffMember staff, String argument, Instant now) {
        String[] words = argument.strip().split("\\s+", 3);
        Optional<Long> customerId = words.length < 2 ? Optional.empty() : customerNumber(words[0]);
        if (customerId.isEmpty()) {
            return texts().get("staff.review.usage");
        }
        AccountReview.Outcome outcome;
        try {
            outcome = AccountReview.Outcome.fromCode(words[1]);
        } catch (IllegalArgumentException unknown) {
            return texts().get("staff.review.usage");
        }
        String rest = words.length > 2 ? words[2].strip() : "";
        int next = rest.toLowerCase(java.util.Locale.ROOT).indexOf("next:");
        String notes = next < 0 ? rest : rest.substring(0, next).strip();
        String nextStep = next < 0 ? "" : rest.substring(next + "next:".length()).strip();
        AccountReview review;
        try {
            review = AccountReview.byStaff(customerId.get(), staff.id(), outcome, notes, nextStep, now);
        } catch (IllegalArgumentException tooLong) {
            return tooLong.getMessage();
        }
        if (Reviews.record(session, review) instanceof Reviews.Recorded.Done) {
            return texts().get("staff.review.recorded", "customer", customerName(session, customerId.get()),
                    "id", String.valueOf(customerId.get()), "outcome", outcome.code());
        }
        return texts().get("staff.review.no_customer", "id", String.valueOf(customerId.get()));
    }

    /**
     * {@code /stage <customer: name, number, phone or complaint reference> <stage>}: the customer's stage set
     * by the staff member, answered with the stage and the responsible staff member it leaves them with.
     */
    private String stage(StoreSession session, StaffMember staff, String argument, Instant now) {
        String stages = String.join(", ", sales.stages().names());
        String[] words = argument.strip().split("\\s+");
        if (words.length < 2) {
            return texts().get("staff.stage.usage", "stages", stages);
        }
        String stage = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
        String query = argument.strip().substring(0, argument.strip().lastIndexOf(words[words.length - 1])).strip();
        if (!sales.stages().has(stage)) {
            return texts().get("staff.stage.unknown", "stage", shortened(words[words.length - 1]), "stages", stages);
        }
        List<Customer> found = find(session, query);
        if (found.isEmpty()) {
            return texts().get("staff.customer.none", "query", shortened(query));
        }
        if (found.size() > 1) {
            return texts().get("staff.stage.many", "query", shortened(query)) + "\n" + numbered(found);
        }
        Customer customer = found.get(0);
        boolean already = session.sales().lockStage(customer.id()).filter(stage::equals).isPresent();
        Sales.StageSet set = sales.setStage(session, customer.id(), stage, Actor.staff(staff.id()), now);
        if (!(set instanceof Sales.StageSet.Changed changed)) {
            return texts().get("staff.not_staff");
        }
        return texts().get(already ? "staff.stage.already" : "staff.stage.done", "customer",
                customerName(session, customer.id()), "id", String.valueOf(customer.id()), "stage", stage,
                "owner", changed.view().ownerName() == null ? texts().get("staff.stage.nobody")
                        : changed.view().ownerName());
    }

    /** A customer's number as staff write it: {@code 42} or {@code #42}. */
    private static Optional<Long> customerNumber(String word) {
        String digits = word.startsWith("#") ? word.substring(1) : word;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /** How to refer a complaint elsewhere, with the referral directory's entries for its category. */
    String referHelp(StoreSession session, ComplaintRef ref) {
        Optional<Complaint> complaint = session.complaints().find(ref);
        List<String> lines = new ArrayList<>();
        lines.add(texts().get("staff.refer.how", "ref", ref.toString()));
        String language = texts().language();
        for (Referral referral : business.referrals()) {
            boolean fits = referral.categories().isEmpty()
                    || complaint.map(found -> referral.categories().contains(found.category())).orElse(true);
            if (fits) {
                String name = referral.name().getOrDefault(language, referral.name().get("en"));
                String what = referral.description().getOrDefault(language, referral.description().getOrDefault("en", ""));
                lines.add("• " + name + (what.isBlank() ? "" : " (" + what + ")") + ": " + referral.contact());
            }
        }
        return String.join("\n", lines);
    }

    private String list(StoreSession session, List<Complaint> complaints, String title, String none) {
        if (complaints.isEmpty()) {
            return texts().get(none);
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts().get(title));
        for (Complaint complaint : complaints) {
            lines.add(line(session, complaint));
        }
        return String.join("\n", lines);
    }

    private String line(StoreSession session, Complaint complaint) {
        String category = business.category(complaint.category())
                .map(found -> found.label(texts().language())).orElse(complaint.category());
        String promise = complaint.promisedAt() == null ? "-" : when(complaint.promisedAt());
        return texts().get("staff.list.line", "ref", complaint.ref().toString(), "category", category,
                "promise", promise, "customer", customerName(session, complaint.customerId()),
                "description", shortened(complaint.description()));
    }

    private String customer(StoreSession session, String argument, Instant now) {
        String query = argument.strip();
        if (query.isEmpty()) {
            return texts().get("staff.customer.usage");
        }
        List<Customer> found = find(session, query);
        if (found.isEmpty()) {
            return texts().get("staff.customer.none", "query", query);
        }
        if (found.size() > 1) {
            return texts().get("staff.customer.many", "query", query) + "\n" + numbered(found);
        }
        return file(session, found.get(0));
    }

    private static String numbered(List<Customer> customers) {
        return customers.stream().limit(LIST_LIMIT)
                .map(customer -> "• " + customer.displayName() + " (#" + customer.id() + ")")
                .collect(Collectors.joining("\n"));
    }

    /** By complaint reference, by phone (digits compared), by customer number (#42), else by name. */
    private List<Customer> find(StoreSession session, String query) {
        Optional<ComplaintRef> ref = ComplaintRef.parse(query);
        if (ref.isPresent()) {
            return session.complaints().find(ref.get()).flatMap(complaint -> session.customers()
                    .find(complaint.customerId())).stream().toList();
        }
        if (query.matches("#\\d{1,18}")) {
            return session.customers().find(Long.parseLong(query.substring(1))).stream().toList();
        }
        String digits = query.replaceAll("[^0-9]", "");
        if (query.matches("[+0-9 ()./-]{6,}") && digits.length() >= 6) {
            return session.customers().withPhoneDigits(digits, LIST_LIMIT);
        }
        return session.customers().search(new CustomerQuery(query, null, null, null, LIST_LIMIT, 0));
    }

    private String file(StoreSession session, Customer customer) {
        Texts texts = texts();
        CustomerProfile profile = customer.profile();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("staff.customer.title", "name", customer.displayName(), "id", customer.id()));
        String channels = session.customers().identities(customer.id()).stream()
                .map(identity -> identity.platform().code()).distinct().collect(Collectors.joining(", "));
        lines.add(texts.get("staff.customer.profile", "phone", orDash(profile.phone()), "email", orDash(profile.email()),
                "language", orDash(profile.language()), "channels", orDash(channels)));
        String tags = customer.tags().stream().map(Tag::name).collect(Collectors.joining(", "));
        String owner = Optional.ofNullable(profile.responsibleStaffId()).flatMap(id -> session.staff().find(id))
                .map(StaffMember::name).orElse("-");
        lines.add(texts.get("staff.customer.tags", "tags", orDash(tags),
                "tier", profile.tier() == null ? "-" : profile.tier().code(), "owner", owner));
        if (profile.notes() != null && !profile.notes().isBlank()) {
            lines.add(texts.get("staff.customer.notes", "notes", profile.notes()));
        }
        List<Complaint> open = session.complaints().forCustomer(customer.id(), 20).stream()
                .filter(complaint -> complaint.status().isActive()).toList();
        lines.add(open.isEmpty() ? texts.get("staff.customer.no_open")
                : texts.get("staff.customer.open", "count", open.size()));
        open.forEach(complaint -> lines.add(line(session, complaint)));
        List<Interaction> contacts = session.interactions().ofCustomer(customer.id(), LAST_CONTACTS);
        if (!contacts.isEmpty()) {
            lines.add(texts.get("staff.customer.contacts"));
            for (Interaction contact : contacts) {
                lines.add(texts.get("staff.customer.contact", "when", when(contact.occurredAt()),
                        "direction", texts.get("staff.direction." + contact.direction().code()),
                        "platform", contact.channel().platform().code(), "summary", shortened(contact.summary())));
            }
        }
        return String.join("\n", lines);
    }

    private String tag(StoreSession session, Optional<StaffPostStore.Post> post, String argument) {
        Target target = target(session, post, argument);
        Optional<Long> customer = customerOf(session, post, target);
        if (customer.isEmpty() || target.rest().isBlank()) {
            return texts().get("staff.tag.usage");
        }
        Tag tag;
        try {
            tag = new Tag(target.rest());
        } catch (IllegalArgumentException badTag) {
            return texts().get("staff.tag.bad", "tag", shortened(target.rest()), "max", Tag.MAX_LENGTH);
        }
        session.customers().addTag(customer.get(), tag);
        return texts().get("staff.tag.done", "tag", tag.name(), "customer", customerName(session, customer.get()));
    }

    private String note(StoreSession session, StaffMember staff, Optional<StaffPostStore.Post> post, String argument,
                        Instant now) {
        Target target = target(session, post, argument);
        Optional<Long> customerId = customerOf(session, post, target);
        if (customerId.isEmpty() || target.rest().isBlank()) {
            return texts().get("staff.note.usage");
        }
        Customer customer = session.customers().find(customerId.get()).orElseThrow();
        String line = LocalDate.ofInstant(now, business.zone()) + " " + staff.name() + ": " + target.rest();
        String before = java.util.Objects.requireNonNullElse(customer.profile().notes(), "");
        String notes = before.isBlank() ? line : before + "\n" + line;
        if (notes.length() > CustomerProfile.MAX_LONG_TEXT) {
            return texts().get("staff.note.full", "max", CustomerProfile.MAX_LONG_TEXT);
        }
        session.customers().update(customer.id(), customer.profile().toBuilder().notes(notes).build(), now);
        return texts().get("staff.note.done", "customer", customerName(session, customer.id()));
    }

    /** The customer a /tag or /note is about: of the complaint it names, else of the ping it answers. */
    private static Optional<Long> customerOf(StoreSession session, Optional<StaffPostStore.Post> post, Target target) {
        if (target.ref().isPresent()) {
            return session.complaints().find(target.ref().get()).map(Complaint::customerId);
        }
        return post.flatMap(found -> Optional.ofNullable(found.handoverId()))
                .flatMap(id -> session.feedback().findHandover(id)).map(request -> request.customerId());
    }

    private String when(Instant at) {
        String language = texts().language();
        return DateWording.date(at, business.zone(), language) + " " + DateWording.time(at, business.zone(), language);
    }

    private static String customerName(StoreSession session, long customerId) {
        return session.customers().find(customerId).map(Customer::displayName).filter(name -> !name.isBlank())
                .orElse("#" + customerId);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String shortened(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= SHORT ? flat : flat.substring(0, SHORT - 1) + "…";
    }

    private Texts texts() {
        return staffChats.texts();
    }
}
