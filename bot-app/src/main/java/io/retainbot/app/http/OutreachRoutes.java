package io.retainbot.app.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.outreach.ComplaintCount;
import io.retainbot.core.outreach.ConsentState;
import io.retainbot.core.outreach.CustomerExport;
import io.retainbot.core.outreach.CustomerImport;
import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.outreach.Segment;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.Template;
import io.retainbot.core.outreach.TemplateButton;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.outreach.Templates;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The outreach part of the REST API, behind the admin token like the rest of {@code /api}:
 * segments (with their audience counted before anything is sent), templates (with a preview for a
 * chosen customer), offer codes (look up, redeem), and the customer file as CSV (import, export).
 */
public final class OutreachRoutes {
    /** The largest CSV accepted by one import. */
    static final long MAX_IMPORT_BYTES = 64L * 1024 * 1024;
    private static final Set<String> FILTER_FIELDS = new TreeSet<>(List.of("anyTags", "allTags", "noTags",
            "languages", "channels", "tiers", "responsibleStaffId", "consent", "lastContactBefore", "lastContactAfter",
            "hasOpenComplaint", "recentComplaints", "birthdayMonths", "customerSinceAfter", "customerSinceBefore"));

    private final Segments segments;
    private final Templates templates;
    private final Offers offers;
    private final CustomerImport customerImport;
    private final CustomerExport customerExport;
    private final ZoneId businessZone;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public OutreachRoutes(Segments segments, Templates templates, Offers offers, CustomerImport customerImport,
                          CustomerExport customerExport, ZoneId businessZone) {
        this.segments = segments;
        this.templates = templates;
        this.offers = offers;
        this.customerImport = customerImport;
        this.customerExport = customerExport;
        this.businessZone = businessZone;
    }

    /** Adds the routes; the admin check and JSON errors of {@link HttpServer} cover them. */
    public void mount(JavalinConfig config) {
        config.routes.post("/api/segments", this::createSegment);
        config.routes.post("/api/segments/count", this::countAudience);
        config.routes.get("/api/segments", ctx -> ctx.json(new Items<>(segments.list().stream()
                .map(segment -> SegmentView.of(segment, null)).toList())));
        config.routes.get("/api/segments/{id}", ctx -> {
            Segments.Counted found = segments.find(id(ctx)).orElseThrow(() -> notFound("segment", ctx));
            ctx.json(SegmentView.of(found.segment(), found.audience()));
        });
        config.routes.delete("/api/segments/{id}", ctx -> {
            if (!inUse(() -> segments.delete(id(ctx)))) {
                throw notFound("segment", ctx);
            }
            ctx.status(204);
        });

        config.routes.post("/api/templates", this::createTemplate);
        config.routes.get("/api/templates", ctx -> ctx.json(new Items<>(templates.list().stream()
                .map(TemplateView::of).toList())));
        config.routes.get("/api/templates/{id}", ctx -> ctx.json(TemplateView.of(
                templates.find(id(ctx)).orElseThrow(() -> notFound("template", ctx)))));
        config.routes.delete("/api/templates/{id}", ctx -> {
            if (!inUse(() -> templates.delete(id(ctx)))) {
                throw notFound("template", ctx);
            }
            ctx.status(204);
        });
        config.routes.get("/api/templates/{id}/preview", this::previewTemplate);

        config.routes.get("/api/offers/{code}", ctx -> {
            Offers.Holder holder = offers.lookUp(ctx.pathParam("code"))
                    .orElseThrow(() -> new HttpServer.ClientError(404, "no offer code " + ctx.pathParam("code")));
            ctx.json(OfferView.of(holder, Instant.now()));
        });
        config.routes.post("/api/offers/{code}/redeem", this::redeem);

        config.routes.post("/api/customers/import", this::importCustomers);
        config.routes.get("/api/customers/export", this::exportCustomers);
    }

    // Segments

    private void createSegment(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("name", "filter"));
        String name = body.requiredText("name");
        SegmentFilter filter = filter(body.object("filter"));
        Segments.Counted created;
        try {
            created = segments.create(name, filter)
                    .orElseThrow(() -> new HttpServer.ClientError(409, "name: a segment called \"" + name.strip()
                            + "\" exists already"));
        } catch (IllegalArgumentException invalid) {
            throw body.error("name", invalid.getMessage());
        }
        ctx.status(201).json(SegmentView.of(created.segment(), created.audience()));
    }

    private void countAudience(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("filter"));
        ctx.json(new Audience(segments.count(filter(body.object("filter")))));
    }

    private SegmentFilter filter(JsonInput in) {
        in.allowing(FILTER_FIELDS);
        SegmentFilter.Builder filter = SegmentFilter.builder()
                .anyTags(in.set("anyTags", element -> new Tag(element.text())))
                .allTags(in.set("allTags", element -> new Tag(element.text())))
                .noTags(in.set("noTags", element -> new Tag(element.text())))
                .languages(in.set("languages", element -> element.text().strip().toLowerCase(Locale.ROOT)))
                .channels(in.set("channels", element -> platform(element.text())))
                .tiers(in.set("tiers", element -> tier(element.text())))
                .responsibleStaffId(in.whole("responsibleStaffId"))
                .consent(parse(in, "consent", ConsentState::fromCode))
                .lastContactBefore(in.moment("lastContactBefore", businessZone))
                .lastContactAfter(in.moment("lastContactAfter", businessZone))
                .hasOpenComplaint(in.bool("hasOpenComplaint"))
                .recentComplaints(recentComplaints(in))
                .birthdayMonths(in.set("birthdayMonths", JsonInput.JsonElement::whole))
                .customerSinceAfter(in.moment("customerSinceAfter", businessZone))
                .customerSinceBefore(in.moment("customerSinceBefore", businessZone));
        try {
            return filter.build();
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, in.name("") + invalid.getMessage());
        }
    }

    private static ComplaintCount recentComplaints(JsonInput in) {
        if (!in.has("recentComplaints")) {
            return null;
        }
        JsonInput count = in.object("recentComplaints").allowing(Set.of("days", "atLeast"));
        Integer days = count.smallWhole("days");
        Integer atLeast = count.smallWhole("atLeast");
        if (days == null) {
            throw count.error("days", "is required: complaints in the last how many days");
        }
        try {
            return new ComplaintCount(days, atLeast == null ? 1 : atLeast);
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, count.name("") + invalid.getMessage());
        }
    }

    private static Platform platform(String code) {
        try {
            return Platform.fromCode(code.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("\"" + code + "\" is not a channel: telegram, discord or web");
        }
    }

    private static OpportunityTier tier(String code) {
        try {
            return OpportunityTier.fromCode(code.strip());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("\"" + code + "\" is not a tier: high, medium or low");
        }
    }

    // Templates

    private void createTemplate(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("name", "purpose", "defaultLanguage",
                "texts", "buttons", "offerValidDays", "photo"));
        String name = body.requiredText("name");
        TemplatePurpose purpose = body.has("purpose") ? parse(body, "purpose", TemplatePurpose::fromCode)
                : TemplatePurpose.MARKETING;
        String defaultLanguage = body.requiredText("defaultLanguage");
        List<TemplateText> texts = body.list("texts", element -> {
            JsonInput text = element.object().allowing(Set.of("language", "tone", "body"));
            Tone tone = text.has("tone") ? parse(text, "tone", code -> Tone.valueOf(code.toUpperCase(Locale.ROOT)))
                    : Tone.FORMAL;
            String language = text.requiredText("language");
            String words = text.requiredText("body");
            try {
                return new TemplateText(language, tone, words);
            } catch (IllegalArgumentException invalid) {
                throw text.error(invalid.getMessage());
            }
        });
        List<TemplateButton> buttons = body.list("buttons", element -> TemplateButton.fromCode(element.text()));
        Integer offerValidDays = body.smallWhole("offerValidDays");
        String photo = body.text("photo");
        Template draft;
        try {
            draft = Templates.draft(name, purpose, defaultLanguage, texts, buttons, offerValidDays, photo);
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            throw new HttpServer.ClientError(400, message.matches("^[a-zA-Z]+:.*") ? message
                    : (message.startsWith("name") ? "name: " : "") + message);
        }
        Template created;
        try {
            created = templates.create(draft).orElseThrow(() -> new HttpServer.ClientError(409,
                    "name: a template called \"" + draft.name() + "\" exists already"));
        } catch (io.retainbot.core.outreach.Broadcasts.Refused unknownPhoto) {
            throw new HttpServer.ClientError(400, unknownPhoto.field() + ": " + unknownPhoto.getMessage());
        }
        ctx.status(201).json(TemplateView.of(created));
    }

    private void previewTemplate(Context ctx) {
        long templateId = id(ctx);
        String customer = ctx.queryParam("customerId");
        if (customer == null || customer.isBlank()) {
            throw new HttpServer.ClientError(400, "customerId: say which customer to preview for");
        }
        long customerId;
        try {
            customerId = Long.parseLong(customer.strip());
        } catch (NumberFormatException notANumber) {
            throw new HttpServer.ClientError(400, "customerId: must be a whole number");
        }
        LocalDate membershipDay = null;
        String day = ctx.queryParam("membershipDay");
        if (day != null && !day.isBlank()) {
            try {
                membershipDay = LocalDate.parse(day.strip());
            } catch (DateTimeException invalid) {
                throw new HttpServer.ClientError(400, "membershipDay: \"" + day + "\" is not a date like 2026-12-05");
            }
        }
        Templates.Preview preview;
        try {
            preview = templates.preview(templateId, customerId, membershipDay).orElseThrow(() ->
                    templates.find(templateId).isEmpty() ? notFound("template", ctx)
                            : new HttpServer.ClientError(404, "customerId: no customer " + customerId));
        } catch (IllegalArgumentException missing) {
            throw new HttpServer.ClientError(400, missing.getMessage());
        }
        ctx.json(new PreviewView(preview.template().id(), customerId, preview.chosen().language(),
                preview.chosen().tone().name().toLowerCase(Locale.ROOT), preview.message().text(),
                preview.message().buttons().stream().flatMap(List::stream).map(ButtonView::of).toList(),
                PhotoLink.of(preview.message().photo() == null ? null : preview.message().photo().key()),
                preview.sampleOfferCode()));
    }

    // Offers

    private void redeem(Context ctx) {
        String redeemedBy = null;
        if (!ctx.body().isBlank()) {
            JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("redeemedBy"));
            redeemedBy = body.text("redeemedBy");
            if (redeemedBy != null && redeemedBy.strip().length() > 200) {
                throw body.error("redeemedBy", "is longer than 200 characters");
            }
        }
        Offers.Redemption redemption = offers.redeem(ctx.pathParam("code"),
                redeemedBy == null || redeemedBy.isBlank() ? "api" : redeemedBy.strip());
        Instant now = Instant.now();
        if (redemption instanceof Offers.Redemption.Redeemed redeemed) {
            // the same answer as the look-up, so the till sees whose code it just took
            Offers.Holder holder = offers.lookUp(redeemed.offer().code())
                    .orElseGet(() -> new Offers.Holder(redeemed.offer(), null, Optional.empty()));
            ctx.json(OfferView.of(new Offers.Holder(redeemed.offer(), holder.customerName(), holder.occasion()), now));
        } else if (redemption instanceof Offers.Redemption.AlreadyRedeemed already) {
            throw new HttpServer.ClientError(409, "offer code " + already.offer().code() + " was already redeemed at "
                    + already.offer().redeemedAt()
                    + (already.offer().redeemedBy() == null ? "" : " by " + already.offer().redeemedBy()));
        } else if (redemption instanceof Offers.Redemption.Expired expired) {
            throw new HttpServer.ClientError(409, "offer code " + expired.offer().code() + " expired at "
                    + expired.offer().expiresAt());
        } else {
            throw new HttpServer.ClientError(404, "no offer code " + ctx.pathParam("code"));
        }
    }

    // The customer file as CSV

    private void importCustomers(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.startsWith("text/csv") && !type.startsWith("text/plain")
                && !type.startsWith("application/octet-stream")) {
            throw new HttpServer.ClientError(415, "send the customer file as text/csv (UTF-8), first line the "
                    + "columns");
        }
        if (ctx.req().getContentLengthLong() > MAX_IMPORT_BYTES) {
            // refused by its declared size before any of it is read; a streamed one is cut off at the limit below
            throw new HttpServer.ClientError(413, "the file is larger than " + MAX_IMPORT_BYTES / 1024 / 1024
                    + " MB; split it and import the parts");
        }
        CustomerImport.Report report;
        try (Reader csv = new InputStreamReader(new LimitedStream(ctx.bodyInputStream(), MAX_IMPORT_BYTES),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            report = customerImport.run(csv);
        } catch (IllegalArgumentException badHeader) {
            throw new HttpServer.ClientError(400, "header: " + badHeader.getMessage());
        } catch (UncheckedIOException | IOException unreadable) {
            Throwable cause = unreadable instanceof UncheckedIOException unchecked ? unchecked.getCause() : unreadable;
            if (cause instanceof CharacterCodingException) {
                throw new HttpServer.ClientError(400, "the file is not UTF-8 text; save it as CSV UTF-8");
            }
            if (cause instanceof LimitedStream.TooLarge) {
                throw new HttpServer.ClientError(413, "the file is larger than " + MAX_IMPORT_BYTES / 1024 / 1024
                        + " MB; split it and import the parts (rows already read were stored)");
            }
            throw new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
        }
        ctx.json(report);
    }

    private void exportCustomers(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"customers.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            customerExport.writeTo(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    // Helpers

    private static boolean inUse(java.util.function.BooleanSupplier delete) {
        try {
            return delete.getAsBoolean();
        } catch (io.retainbot.core.outreach.Broadcasts.Refused used) {
            throw new HttpServer.ClientError(409, used.getMessage());
        }
    }

    private static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException notANumber) {
            throw new HttpServer.ClientError(400, "id: \"" + ctx.pathParam("id") + "\" is not an id (a whole number)");
        }
    }

    private static HttpServer.ClientError notFound(String what, Context ctx) {
        return new HttpServer.ClientError(404, "no " + what + " " + ctx.pathParam("id"));
    }

    private static <T> T parse(JsonInput in, String field, java.util.function.Function<String, T> parser) {
        String text = in.text(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException invalid) {
            throw in.error(field, invalid.getMessage());
        }
    }

    /** A request body cut off with an error past a limit, so a huge upload cannot exhaust anything. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        static final class TooLarge extends IOException {
            TooLarge() {
                super("request body too large");
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }

    // JSON shapes

    record Items<T>(List<T> items) {
    }

    record Audience(long audience) {
    }

    record FilterView(Set<String> anyTags, Set<String> allTags, Set<String> noTags, Set<String> languages,
                      Set<String> channels, Set<String> tiers, Long responsibleStaffId, String consent,
                      Instant lastContactBefore, Instant lastContactAfter, Boolean hasOpenComplaint,
                      ComplaintCount recentComplaints, Set<Integer> birthdayMonths, Instant customerSinceAfter,
                      Instant customerSinceBefore) {
        static FilterView of(SegmentFilter filter) {
            return new FilterView(sorted(filter.anyTags(), Tag::name), sorted(filter.allTags(), Tag::name),
                    sorted(filter.noTags(), Tag::name), new TreeSet<>(filter.languages()),
                    sorted(filter.channels(), Platform::code), sorted(filter.tiers(), OpportunityTier::code),
                    filter.responsibleStaffId(), filter.consent() == null ? null : filter.consent().code(),
                    filter.lastContactBefore(), filter.lastContactAfter(), filter.hasOpenComplaint(),
                    filter.recentComplaints(), new TreeSet<>(filter.birthdayMonths()), filter.customerSinceAfter(),
                    filter.customerSinceBefore());
        }

        private static <T> Set<String> sorted(Set<T> values, java.util.function.Function<T, String> code) {
            return values.stream().map(code).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** @param audience how many customers the segment matches now; absent in lists */
    record SegmentView(long id, String name, FilterView filter, Long audience, Instant createdAt, Instant updatedAt) {
        static SegmentView of(Segment segment, Long audience) {
            return new SegmentView(segment.id(), segment.name(), FilterView.of(segment.filter()), audience,
                    segment.createdAt(), segment.updatedAt());
        }
    }

    record TextView(String language, String tone, String body) {
    }

    record TemplateView(long id, String name, String purpose, String defaultLanguage, List<TextView> texts,
                        List<String> buttons, Integer offerValidDays, PhotoLink photo, Instant createdAt,
                        Instant updatedAt) {
        static TemplateView of(Template template) {
            return new TemplateView(template.id(), template.name(), template.purpose().code(),
                    template.defaultLanguage(), template.texts().stream().map(text -> new TextView(text.language(),
                    text.tone().name().toLowerCase(Locale.ROOT), text.body())).toList(),
                    template.buttons().stream().map(TemplateButton::code).toList(), template.offerValidDays(),
                    PhotoLink.of(template.photoKey()), template.createdAt(), template.updatedAt());
        }
    }

    /** The photo a template shows: its id and where the admin API serves it; null for none. */
    record PhotoLink(String id, String url) {
        static PhotoLink of(String key) {
            return key == null ? null : new PhotoLink(key, "/api/photos/" + key);
        }
    }

    record ButtonView(String label, String data) {
        static ButtonView of(Button button) {
            return new ButtonView(button.label(), button.data());
        }
    }

    record PreviewView(long templateId, long customerId, String language, String tone, String text,
                       List<ButtonView> buttons, PhotoLink photo, boolean sampleOfferCode) {
    }

    /** @param broadcast the broadcast whose run carried the code (its name and the occurrence's date), or null */
    record OfferView(String code, long customerId, String customerName, String campaign, OccasionView broadcast,
                     String status, Instant issuedAt, Instant expiresAt, Instant redeemedAt, String redeemedBy) {
        static OfferView of(Offers.Holder holder, Instant now) {
            OfferCode offer = holder.offer();
            return new OfferView(offer.code(), offer.customerId(), holder.customerName(id -> "Customer " + id),
                    offer.campaign(),
                    holder.occasion().map(occasion -> new OccasionView(occasion.broadcastName(), occasion.date()))
                            .orElse(null),
                    offer.status(now).code(), offer.issuedAt(), offer.expiresAt(), offer.redeemedAt(),
                    offer.redeemedBy());
        }
    }

    record OccasionView(String name, LocalDate occurrence) {
    }
}
