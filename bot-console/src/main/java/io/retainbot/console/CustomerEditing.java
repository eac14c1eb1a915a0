package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.retainbot.console.access.Signed;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.outreach.CustomerImport;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CustomerFile;
import io.retainbot.core.usecase.OwnerResult;
import io.retainbot.core.usecase.Sales;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes staff make to the customer file in the console: the handbook's fields (each checked on its own,
 * a problem shown next to its field), tags, consent as the customer gave it to staff (its source "console by
 * <name>"), merging two files after a page that shows what moves, and the file as CSV (import with a report of
 * each bad row, export of a search's customers).
 */
final class CustomerEditing {
    /** The largest CSV the console takes in one upload. */
    static final long MAX_IMPORT_BYTES = 16L * 1024 * 1024;
    /**
     * The largest form the console reads (the import's: its CSV, the CSRF token and the multipart boundaries);
     * a multipart form streamed without a declared size is cut off there ({@link Console#mount}).
     */
    static final long MAX_IMPORT_FORM_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
    private static final Pattern BIRTHDAY = Pattern.compile("(?:(\\d{4})-)?(\\d{1,2})-(\\d{1,2})");
    private static final int MERGE_RESULTS = 20;

    private final CustomerFile file;
    private final CustomerDesk.CustomerChanges changes;
    private final CustomerDesk desk;

    CustomerEditing(CustomerFile file, CustomerDesk.CustomerChanges changes, CustomerDesk desk) {
        this.file = file;
        this.changes = changes;
        this.desk = desk;
    }

    static boolean supervises(Signed signed) {
        return signed.is(StaffRole.SUPERVISOR) || signed.isAdmin();
    }

    static boolean edits(Signed signed) {
        return signed.handlesComplaints();
    }

    static boolean exports(Signed signed) {
        return supervises(signed) || signed.is(StaffRole.MARKETER);
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** Routes whose paths would otherwise be read as a customer's id: registered before the file's. */
    void mountBefore(JavalinConfig config, Console console) {
        config.routes.get("/console/customers/export", ctx -> console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, exports(signed))) {
                export(ctx);
            }
        }));
        config.routes.get("/console/customers/import", ctx -> console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, supervises(signed))) {
                console.html(ctx, "customerImport.jte", new CustomerViews.ImportPage(
                        console.frame(ctx, signed, "customers.import.title", "customers"), null, null));
            }
        }));
        config.routes.post("/console/customers/import", ctx -> {
            if (ctx.req().getContentLengthLong() > MAX_IMPORT_FORM_BYTES) {
                // refused by its declared size before any of it is read (the form is read for its CSRF token)
                refuseTooLarge(ctx, console);
                return;
            }
            try {
                console.signedPost(ctx, signed -> {
                    if (console.allowed(ctx, signed, supervises(signed))) {
                        importCsv(ctx, console, signed);
                    }
                });
            } catch (Exception failure) {
                if (!exceedsFormLimit(failure)) {
                    throw failure;
                }
                refuseTooLarge(ctx, console);
            }
        });
    }

    void mount(JavalinConfig config, Console console) {
        post(config, console, "edit", CustomerEditing::edits, (ctx, signed, id) -> edit(ctx, console, signed, id));
        post(config, console, "tags", CustomerEditing::edits, (ctx, signed, id) -> tag(ctx, console, signed, id, true));
        post(config, console, "tags/remove", CustomerEditing::edits,
                (ctx, signed, id) -> tag(ctx, console, signed, id, false));
        post(config, console, "consent", CustomerEditing::edits, (ctx, signed, id) -> consent(ctx, console, signed, id));
        post(config, console, "merge", CustomerEditing::supervises, (ctx, signed, id) -> merge(ctx, console, signed, id));
        config.routes.get("/console/customers/{id}/merge", ctx -> console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, supervises(signed))) {
                mergePage(ctx, console, signed, null);
            }
        }));
    }

    @FunctionalInterface
    private interface Change {
        void run(Context ctx, Signed signed, long customerId);
    }

    private void post(JavalinConfig config, Console console, String path, Function<Signed, Boolean> allowed,
                      Change change) {
        config.routes.post("/console/customers/{id}/" + path, ctx -> console.signedPost(ctx, signed -> {
            if (!console.allowed(ctx, signed, allowed.apply(signed))) {
                return;
            }
            long id = id(ctx);
            if (id < 1 || file.card(id).isEmpty()) {
                console.notFound(ctx, signed, console.frameTexts(ctx).get("customers.unknown", ctx.pathParam("id")));
                return;
            }
            change.run(ctx, signed, id);
        }));
    }

    private void done(Context ctx, long id, String done) {
        ctx.redirect("/console/customers/" + id + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static String source(Signed signed) {
        return "console by " + signed.staff().name();
    }

    // ---- the handbook's fields ----

    /** The edit form's values as typed, and a problem per field (in the reader's language) where there is one. */
    public record Form(Map<String, String> values, Map<String, String> problems) {
        public Form {
            values = Map.copyOf(values);
            problems = Map.copyOf(problems);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String problem(String field) {
            return problems.get(field);
        }

        public boolean selected(String field, String option) {
            return option.equals(value(field));
        }

        /** The form filled from the file as it is. */
        static Form of(Optional<Customer> customer, Sales sales) {
            if (customer.isEmpty()) {
                return new Form(Map.of(), Map.of());
            }
            CustomerProfile profile = customer.get().profile();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("display_name", profile.displayName());
            values.put("form_of_address", profile.formOfAddress());
            values.put("language", profile.language());
            values.put("zone", profile.zone() == null ? null : profile.zone().getId());
            values.put("birthday", profile.birthday() == null ? null : birthday(profile.birthday()));
            values.put("phone", profile.phone());
            values.put("email", profile.email());
            values.put("company", profile.company());
            values.put("occupation", profile.occupation());
            values.put("needs", profile.needs());
            values.put("pain_points", profile.painPoints());
            values.put("notes", profile.notes());
            values.put("tone", profile.tone().name().toLowerCase(Locale.ROOT));
            values.put("tier", profile.tier() == null ? null : profile.tier().code());
            values.put("stage", sales.stage(customer.get().id()).map(Sales.StageView::stage).orElse(null));
            values.put("owner", profile.responsibleStaffId() == null ? null : String.valueOf(profile.responsibleStaffId()));
            values.values().removeIf(Objects::isNull);
            return new Form(values, Map.of());
        }
    }

    static String birthday(Birthday birthday) {
        String day = String.format(Locale.ROOT, "%02d-%02d", birthday.month(), birthday.day());
        return birthday.year() == null ? day : birthday.year() + "-" + day;
    }

    private static final List<String> FIELDS = List.of("display_name", "form_of_address", "language", "zone",
            "birthday", "phone", "email", "company", "occupation", "needs", "pain_points", "notes", "tone", "tier",
            "stage", "owner");

    private void edit(Context ctx, Console console, Signed signed, long id) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, Optional.ofNullable(ctx.formParam(field)).orElse("").strip()));
        Map<String, String> problems = new LinkedHashMap<>();
        text(values, problems, texts, "display_name", CustomerProfile.Builder::displayName);
        text(values, problems, texts, "form_of_address", CustomerProfile.Builder::formOfAddress);
        text(values, problems, texts, "phone", CustomerProfile.Builder::phone);
        text(values, problems, texts, "email", CustomerProfile.Builder::email);
        text(values, problems, texts, "company", CustomerProfile.Builder::company);
        text(values, problems, texts, "occupation", CustomerProfile.Builder::occupation);
        text(values, problems, texts, "needs", CustomerProfile.Builder::needs);
        text(values, problems, texts, "pain_points", CustomerProfile.Builder::painPoints);
        text(values, problems, texts, "notes", CustomerProfile.Builder::notes);
        String language = values.get("language");
        if (!changes.languages().contains(language)) {
            problems.put("language", texts.get("customers.problem.language", String.join(", ", changes.languages())));
        }
        ZoneId zone = null;
        if (!values.get("zone").isEmpty()) {
            try {
                zone = ZoneId.of(values.get("zone"));
            } catch (DateTimeException notAZone) {
                problems.put("zone", texts.get("customers.problem.zone"));
            }
        }
        Birthday birthday = null;
        if (!values.get("birthday").isEmpty()) {
            birthday = parseBirthday(values.get("birthday"));
            if (birthday == null) {
                problems.put("birthday", texts.get("customers.problem.birthday"));
            }
        }
        Tone tone = Arrays.stream(Tone.values()).filter(candidate -> candidate.name().toLowerCase(Locale.ROOT)
                .equals(values.get("tone"))).findFirst().orElse(null);
        if (tone == null) {
            problems.put("tone", texts.get("customers.problem.choose"));
        }
        OpportunityTier tier = null;
        if (!values.get("tier").isEmpty()) {
            tier = Arrays.stream(OpportunityTier.values()).filter(candidate -> candidate.code().equals(values.get("tier")))
                    .findFirst().orElse(null);
            if (tier == null) {
                problems.put("tier", texts.get("customers.problem.choose"));
            }
        }
        String stage = values.get("stage");
        if (!stage.isEmpty() && !changes.sales().stages().has(stage)) {
            problems.put("stage", texts.get("customers.problem.choose"));
        }
        Long owner = null;
        if (!values.get("owner").isEmpty()) {
            owner = changes.activeStaff().get().stream().map(member -> member.id())
                    .filter(staffId -> String.valueOf(staffId).equals(values.get("owner"))).findFirst().orElse(null);
            if (owner == null) {
                problems.put("owner", texts.get("customers.problem.choose"));
            }
        }
        if (!problems.isEmpty()) {
            ctx.status(400);
            desk.show(ctx, console, signed, new Form(values, problems), null, texts.get("customers.problem.form"));
            return;
        }
        Actor actor = Actor.staff(signed.staff().id());
        Long ownerBefore = file.card(id).map(card -> card.customer().profile().responsibleStaffId()).orElse(null);
        boolean hadStage = changes.sales().stage(id).map(Sales.StageView::stage).isPresent();
        ZoneId newZone = zone;
        Birthday newBirthday = birthday;
        OpportunityTier newTier = tier;
        file.edit(id, profile -> profile.displayName(values.get("display_name"))
                .formOfAddress(values.get("form_of_address")).language(language).zone(newZone).birthday(newBirthday)
                .phone(values.get("phone")).email(values.get("email")).company(values.get("company"))
                .occupation(values.get("occupation")).needs(values.get("needs")).painPoints(values.get("pain_points"))
                .notes(values.get("notes")).tone(tone).tier(newTier), actor);
        if (!stage.isEmpty()) {
            changes.sales().setStage(id, stage, actor);
        } else if (hadStage) {
            changes.sales().clearStage(id, actor);
        }
        // a new stage may have given the customer to the stage's owner: only a choice the reader changed moves them
        if (owner == null && ownerBefore != null) {
            OwnerResult released = changes.ownership().release(new CareInputs.ReleaseCustomer(id, actor));
            if (released instanceof OwnerResult.Refused refused) {
                ctx.status(409);
                desk.show(ctx, console, signed, new Form(values, Map.of()), null,
                        texts.get("customers.problem.refused", refused.message()));
                return;
            }
        }
        if (owner != null && !owner.equals(ownerBefore)) {
            OwnerResult moved = changes.ownership().reassign(new CareInputs.ReassignCustomer(id, owner, actor));
            if (moved instanceof OwnerResult.Refused refused) {
                ctx.status(409);
                desk.show(ctx, console, signed, new Form(values, Map.of()), null,
                        texts.get("customers.problem.refused", refused.message()));
                return;
            }
        }
        done(ctx, id, "saved");
    }

    /** Checks one text field on its own (in a profile of it alone), so that each problem is shown next to its field. */
    private static void text(Map<String, String> values, Map<String, String> problems, ConsoleTexts.In texts,
                             String field, java.util.function.BiFunction<CustomerProfile.Builder, String,
                             CustomerProfile.Builder> set) {
        try {
            set.apply(CustomerProfile.builder(), values.get(field)).build();
        } catch (IllegalArgumentException invalid) {
            problems.put(field, texts.get("customers.problem." + field));
        }
    }

    /** MM-DD or YYYY-MM-DD; null when it is neither, or not a day of the calendar. */
    static Birthday parseBirthday(String text) {
        Matcher matcher = BIRTHDAY.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new Birthday(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    matcher.group(1) == null ? null : Integer.parseInt(matcher.group(1)));
        } catch (IllegalArgumentException | DateTimeException invalid) {
            return null;
        }
    }

    // ---- tags and consent ----

    private void tag(Context ctx, Console console, Signed signed, long id, boolean add) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Tag tag;
        try {
            tag = new Tag(Optional.ofNullable(ctx.formParam("tag")).orElse("").strip());
        } catch (IllegalArgumentException invalid) {
            ctx.status(400);
            desk.show(ctx, console, signed, Form.of(file.card(id).map(CustomerFile.Card::customer), changes.sales()),
                    null, texts.get("customers.problem.tag"));
            return;
        }
        file.tag(id, tag, add, Actor.staff(signed.staff().id()));
        done(ctx, id, add ? "tagged" : "untagged");
    }

    private void consent(Context ctx, Console console, Signed signed, long id) {
        String answer = Optional.ofNullable(ctx.formParam("answer")).orElse("");
        if (!answer.equals("yes") && !answer.equals("no")) {
            ctx.status(400);
            desk.show(ctx, console, signed, Form.of(file.card(id).map(CustomerFile.Card::customer), changes.sales()),
                    null, console.frameTexts(ctx).get("customers.problem.consent"));
            return;
        }
        changes.care().recordConsent(id, answer.equals("yes"), source(signed));
        done(ctx, id, "consent");
    }

    // ---- merging two files ----

    private void mergePage(Context ctx, Console console, Signed signed, String error) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        long id = id(ctx);
        Optional<CustomerViews.MergeSide> survivor = id < 1 ? Optional.empty() : side(id, texts);
        if (survivor.isEmpty()) {
            console.notFound(ctx, signed, texts.get("customers.unknown", ctx.pathParam("id")));
            return;
        }
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        long other = number(Optional.ofNullable(ctx.queryParam("other")).orElse(ctx.formParam("other")));
        CustomerViews.MergeSide absorbed = other < 1 || other == id ? null : side(other, texts).orElse(null);
        List<CustomerViews.Found> found = List.of();
        if (absorbed == null && !query.isEmpty() && query.length() <= 200) {
            found = file.search(CustomerDesk.query(query, "", "")).stream()
                    .filter(customer -> customer.id() != id).limit(MERGE_RESULTS)
                    .map(customer -> desk.found(customer, texts)).toList();
        }
        console.html(ctx, "customerMerge.jte", new CustomerViews.MergePage(console.frame(ctx, signed,
                "customers.merge.title", "customers"), survivor.get(), query, found, absorbed, error));
    }

    private Optional<CustomerViews.MergeSide> side(long id, ConsoleTexts.In texts) {
        return file.card(id).flatMap(card -> file.history(id).map(history -> new CustomerViews.MergeSide(id,
                CustomerDesk.name(card.customer(), texts), Objects.requireNonNullElse(card.customer().profile().phone(), ""),
                card.identities().stream().map(identity -> identity.platform().code()
                        + (identity.displayName() == null || identity.displayName().isBlank() ? ""
                        : " · " + identity.displayName())).toList(),
                history.complaints().size(), history.messages().size(),
                card.customer().tags().stream().map(Tag::name).toList())));
    }

    private void merge(Context ctx, Console console, Signed signed, long id) {
        long other = number(ctx.formParam("other"));
        if (other < 1 || other == id) {
            ctx.status(400);
            mergePage(ctx, console, signed, console.frameTexts(ctx).get("customers.merge.pick"));
            return;
        }
        if (changes.care().merge(id, other, Actor.staff(signed.staff().id())).isEmpty()) {
            ctx.status(404);
            mergePage(ctx, console, signed, console.frameTexts(ctx).get("customers.merge.gone"));
            return;
        }
        done(ctx, id, "merged");
    }

    private static long number(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    // ---- the file as CSV ----

    /** An import larger than the console takes: 413 with a JSON error, the rest of the upload left unread. */
    private static void refuseTooLarge(Context ctx, Console console) {
        ctx.status(413).json(java.util.Map.of("error",
                console.frameTexts(ctx).get("customers.import.too_large", MAX_IMPORT_BYTES / 1024 / 1024)));
    }

    /**
     * Whether reading a multipart form failed because it outgrew {@link #MAX_IMPORT_FORM_BYTES}: Jetty says so
     * only in words ("max length exceeded: ..."), under a "bad multipart" 400.
     */
    private static boolean exceedsFormLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("max length exceeded")) {
                return true;
            }
        }
        return false;
    }

    private void importCsv(Context ctx, Console console, Signed signed) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        UploadedFile upload = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        String error = null;
        CustomerImport.Report report = null;
        if (upload == null || upload.size() == 0) {
            error = texts.get("customers.import.choose");
        } else if (upload.size() > MAX_IMPORT_BYTES) {
            error = texts.get("customers.import.too_large", MAX_IMPORT_BYTES / 1024 / 1024);
        } else {
            try (InputStream in = upload.content(); Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
                report = changes.imports().run(csv);
            } catch (IllegalArgumentException badHeader) {
                error = texts.get("customers.import.header", badHeader.getMessage());
            } catch (UncheckedIOException | IOException unreadable) {
                Throwable cause = unreadable instanceof UncheckedIOException unchecked ? unchecked.getCause() : unreadable;
                if (!(cause instanceof CharacterCodingException)) {
                    throw new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
                }
                error = texts.get("customers.import.not_utf8");
            }
        }
        if (error != null) {
            ctx.status(400);
        }
        console.html(ctx, "customerImport.jte", new CustomerViews.ImportPage(
                console.frame(ctx, signed, "customers.import.title", "customers"), report, error));
    }

    private void export(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        String tag = Optional.ofNullable(ctx.queryParam("tag")).orElse("").strip();
        String tier = Optional.ofNullable(ctx.queryParam("tier")).orElse("").strip();
        io.retainbot.core.customer.CustomerQuery search;
        try {
            if (query.length() > 200 || tag.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            search = CustomerDesk.query(query, tag, tier);
        } catch (IllegalArgumentException invalid) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("bad search: " + invalid.getMessage());
            return;
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"customers.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            changes.exports().writeMatching(out, search);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
