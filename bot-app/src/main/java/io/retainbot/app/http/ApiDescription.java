package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every route under {@code /api} does, served as an OpenAPI 3 description at {@code /api/openapi.json}.
 * A test holds this list against the routes the server really registered: a route without a description,
 * or a description without a route, fails the build.
 */
public final class ApiDescription {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    /**
     * One route.
     *
     * @param query the query parameters, as "name" or "name (what it means)"
     * @param body  the JSON body's fields, as "name" or "name (what it means)"; empty for none
     */
    public record Operation(String method, String path, String tag, String summary, List<String> query,
                            List<String> body) {
        public String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static Operation op(String method, String path, String tag, String summary, List<String> query,
                                List<String> body) {
        return new Operation(method, path, tag, summary, query, body);
    }

    private static Operation get(String path, String tag, String summary, String... query) {
        return op("GET", path, tag, summary, List.of(query), List.of());
    }

    private static Operation post(String path, String tag, String summary, String... body) {
        return op("POST", path, tag, summary, List.of(), List.of(body));
    }

    /** Every /api route, grouped by tag. */
    public static final List<Operation> OPERATIONS = List.of(
            get("/api/openapi.json", "api", "This description of the REST API (OpenAPI 3)."),
            get("/api/complaints", "complaints", "Complaints, newest first.", "status (open, in_progress, resolved, "
                    + "referred, withdrawn)", "limit", "offset"),
            get("/api/complaints/{reference}", "complaints", "One complaint (reference like C-1042) with its files, "
                    + "notes and its own messages; a staff or internal note says who wrote it (by: the staff member's "
                    + "name and staffId, or \"API\" for the admin token without a staffId)."),
            get("/api/complaints/{reference}/files/{attachment}", "complaints", "Download a file the customer uploaded "
                    + "in the web chat."),
            post("/api/complaints/{reference}/claim", "complaints", "Take a complaint on.", "staffId (who; absent: the "
                    + "business through the admin token)"),
            post("/api/complaints/{reference}/reply", "complaints", "Answer the customer in the business's name; kept "
                    + "in the complaint's notes.", "staffId", "text (required)"),
            post("/api/complaints/{reference}/resolve", "complaints", "Resolve the complaint; the survey follows.",
                    "staffId", "summary (told to the customer; optional)"),
            post("/api/complaints/{reference}/cant-help", "complaints", "Close as referred: an honest explanation, who "
                    + "can help instead, and an invitation to come back.", "staffId", "explanation (required without "
                    + "referrals)", "referrals (ids from the referral directory)", "written (referrals not in the "
                    + "directory: a list of {name, contact, note}, name and contact required)"),
            post("/api/complaints/{reference}/note", "complaints", "An internal note for colleagues; the customer "
                    + "never sees it. Listed with the complaint's notes (author internal).", "staffId (required: who "
                    + "wrote it)", "text (required)"),
            get("/api/referrals", "complaints", "The referral directory from the business file: who can help when "
                    + "the business cannot.", "category (only those suiting it)"),
            post("/api/complaints/{reference}/reassign", "complaints", "Give the complaint to another active staff "
                    + "member.", "staffId", "toStaffId (required)"),
            post("/api/complaints/{reference}/reopen", "complaints", "Open a resolved or referred complaint again.",
                    "staffId", "reason"),
            get("/api/handover-requests", "handovers", "Open requests to talk to a person, oldest first.", "limit",
                    "offset"),
            post("/api/handover-requests/{id}/take", "handovers", "A staff member takes the request and talks with the "
                    + "customer; 409 names who has it when a colleague was faster.", "staffId (required)"),
            get("/api/handover-requests/{id}", "handovers", "One request (open, taken, closed or cancelled) with the "
                    + "customer's name, who has it, and what was said in the chat from shortly before it, oldest first: "
                    + "each line's from (customer, bot, or staff with staffId and staffName), kind, text and the number "
                    + "of photos; what the customer and the person said since the request is in full, the rest as the "
                    + "interaction log summarises it."),
            post("/api/handover-requests/{id}/messages", "handovers", "The person who has the conversation writes to "
                    + "the customer, on the customer's own channel, as \"Name (Company): ...\"; an open request is taken "
                    + "first; 409 names who has it when it is a colleague's, or says it is over.", "staffId (required)",
                    "text (required)"),
            post("/api/handover-requests/{id}/close", "handovers", "The conversation is the bot's again; the customer "
                    + "is told.", "staffId"),
            get("/api/suggestions", "feedback", "Suggestions customers made, newest first.", "limit", "offset"),
            get("/api/staff", "staff", "The staff list.", "active (true: only active; false: only those who left)"),
            post("/api/staff", "staff", "Add a staff member.", "name (required)", "role (agent, supervisor, "
                    + "marketer, admin)", "categories (complaint category ids; none: all)", "identities ([{platform, "
                    + "userId, chatId}])"),
            get("/api/staff/{id}", "staff", "One staff member."),
            op("PATCH", "/api/staff/{id}", "staff", "Change name, role, active or categories (absent fields stay).",
                    List.of(), List.of("name", "role", "active", "categories")),
            post("/api/staff/{id}/identities", "staff", "Link a chat user to the staff member; 409 when they already "
                    + "work as someone else.", "platform (telegram, discord, web)", "userId (required)",
                    "chatId (defaults to userId)"),
            op("DELETE", "/api/staff/{id}/identities/{platform}/{userId}", "staff", "Unlink a chat user.", List.of(),
                    List.of()),
            post("/api/staff/{id}/leave", "staff", "The staff member leaves: made inactive, their customers spread "
                    + "evenly over the active agents, their open complaints following each customer.", "staffId "
                    + "(who decided)"),
            get("/api/customers", "customers", "Search the customer file, newest first.", "name (part of it)",
                    "phone (digits it contains)", "tag", "tier (high, medium, low)", "owner (staff id)", "limit",
                    "offset"),
            get("/api/customers/{id}", "customers", "A customer: the handbook's fields, tags, chats, responsible staff "
                    + "member and every change of it."),
            op("PATCH", "/api/customers/{id}", "customers", "Edit the handbook's fields (null clears one).", List.of(),
                    List.of("displayName", "formOfAddress", "gender", "birthday (MM-DD or YYYY-MM-DD)", "language",
                            "timeZone", "phone", "email", "company", "industry", "occupation", "position", "needs",
                            "painPoints", "notes", "tone (formal, friendly)", "sourceChannel", "introducerId",
                            "tier (high, medium, low)")),
            get("/api/customers/{id}/history", "customers", "The customer's whole history in one call: messages, "
                    + "complaints, greetings and broadcasts, survey scores, after-sales check-ins, account reviews and "
                    + "stage changes."),
            post("/api/customers/{id}/tags", "customers", "Tag the customer.", "tag (required)"),
            op("DELETE", "/api/customers/{id}/tags/{tag}", "customers", "Remove a tag.", List.of(), List.of()),
            post("/api/customers/{id}/reassign", "customers", "Another staff member looks after the customer from now "
                    + "on (recorded with who and when).", "toStaffId (required)", "staffId (who decided)"),
            post("/api/customers/{id}/opt-out", "customers", "No more greetings or offers for the customer.",
                    "staffId"),
            post("/api/customers/import", "customers", "Import customers from CSV (text/csv body); a report of what "
                    + "was created, updated or refused per row."),
            get("/api/customers/export", "customers", "All customers as CSV."),
            get("/api/reports/service", "reports", "The service report over the complaints filed in a period: first-"
                    + "response and resolution medians and p90 (seconds), the share resolved within the category's "
                    + "resolution target, promises kept, satisfaction and effort "
                    + "averages, top categories; overall, by category and by week (every week of the period, also "
                    + "those without complaints).", "from (date or time; default twelve weeks before to)",
                    "to (default now)", "category (only this category's complaints; default all)"),
            post("/api/segments", "outreach", "Save a segment of customers.", "name (required)", "filter"),
            post("/api/segments/count", "outreach", "Count a filter's audience without saving it.", "filter"),
            get("/api/segments", "outreach", "Saved segments."),
            get("/api/segments/{id}", "outreach", "One segment and how many customers it holds now."),
            op("DELETE", "/api/segments/{id}", "outreach", "Delete a segment.", List.of(), List.of()),
            op("POST", "/api/photos", "outreach", "Keep a photo for templates: the JPEG or PNG image itself as the "
                    + "body (at most 5 MB); answers its id.", List.of("name (the file name to keep)"), List.of()),
            get("/api/photos", "outreach", "Kept photos, newest first."),
            get("/api/photos/{key}", "outreach", "One kept photo, the image itself."),
            op("DELETE", "/api/photos/{key}", "outreach", "Delete a photo no template shows.", List.of(), List.of()),
            post("/api/templates", "outreach", "Save a message template.", "name (required)", "purpose",
                    "defaultLanguage", "texts ([{language, tone, body}])", "buttons", "offerValidDays",
                    "photo (the id of a kept photo, shown where the platform shows photos)"),
            get("/api/templates", "outreach", "Saved templates."),
            get("/api/templates/{id}", "outreach", "One template."),
            op("DELETE", "/api/templates/{id}", "outreach", "Delete a template.", List.of(), List.of()),
            get("/api/templates/{id}/preview", "outreach", "A template rendered for one customer.",
                    "customerId (required)", "membershipDay"),
            get("/api/offers/{code}", "outreach", "One offer code: whose, valid until, redeemed or not."),
            post("/api/offers/{code}/redeem", "outreach", "Redeem an offer code once.", "redeemedBy"),
            post("/api/broadcasts", "broadcasts", "Schedule a broadcast of a template to a segment.",
                    "name (required)", "segmentId", "templateId", "schedule ({at, rule, zone})"),
            get("/api/broadcasts", "broadcasts", "Broadcasts."),
            get("/api/broadcasts/{id}", "broadcasts", "One broadcast with its runs and their progress."),
            post("/api/broadcasts/{id}/pause", "broadcasts", "Pause the running run."),
            post("/api/broadcasts/{id}/resume", "broadcasts", "Resume a paused run."),
            post("/api/broadcasts/{id}/cancel", "broadcasts", "Cancel the broadcast and its run."),
            get("/api/greetings", "broadcasts", "The birthday greetings setup."),
            op("PUT", "/api/greetings/birthday", "broadcasts", "Set the birthday greetings up, or change them.",
                    List.of(), List.of("enabled", "templateId", "at (local time, default 09:00)", "segmentId")),
            post("/api/known-issues", "known-issues", "Record a known product issue; matching new complaints are "
                    + "offered its fix at once.", "title (required)", "symptoms (words that match)", "categories "
                    + "(none: every category)", "fixes ({language: text}, at least one)", "status (open, closed)"),
            get("/api/known-issues", "known-issues", "Known issues, open first, each with how often its fix was "
                    + "offered and whether it helped."),
            get("/api/known-issues/{id}", "known-issues", "One known issue with its counts."),
            op("PUT", "/api/known-issues/{id}", "known-issues", "Replace a known issue; status closed stops the "
                    + "offers and keeps the counts.", List.of(), List.of("title", "symptoms", "categories", "fixes",
                    "status")),
            op("DELETE", "/api/known-issues/{id}", "known-issues", "Delete an issue whose fix was never offered "
                    + "(else 409: close it).", List.of(), List.of()),
            get("/api/reports/outreach", "reports", "Why customers stopped greetings and offers (reasons, how many did "
                    + "not say, the latest answers in their own words); per broadcast and template: messages sent, "
                    + "opt-outs, offer codes sent and redeemed (all time); byWeek: the same counts in each week of "
                    + "the period.", "from (date or time; default twelve weeks before to)", "to (default now)"),
            get("/api/reports/known-issues", "reports", "Per known issue, the offers made in a period and how "
                    + "customers answered; and the clusters of complaints flagged (many of one category in a short "
                    + "time).", "from (default 30 days before to)", "to (default now)"),
            get("/api/customers/{id}/export", "customers", "Everything stored about one customer as JSON, one array "
                    + "of rows per table."),
            post("/api/customers/{id}/erase", "customers", "Erase the customer's personal data; the erasure is "
                    + "recorded, statistics stay countable.", "reason (required)", "staffId"),
            post("/api/customers/{id}/purchases", "sales", "Record a purchase; an order reference already on file "
                    + "for the customer is refused (409).", "product (required)", "purchasedOn (date, required)",
                    "orderReference", "amount", "currency (required with an amount)"),
            get("/api/customers/{id}/purchases", "sales", "The customer's purchases, newest first."),
            post("/api/purchases/import", "sales", "Purchases from CSV (text/csv body): customer_id, product, "
                    + "purchased_on, order_reference, amount, currency; rows already on file count as duplicates."),
            get("/api/stages", "sales", "The customer stages the business uses, which one is after-sales, and who "
                    + "looks after customers in each stage where the business says."),
            get("/api/customers/{id}/stage", "sales", "The customer's stage, their responsible staff member, and every "
                    + "change of stage (from, to, cause, staff member, when)."),
            op("PUT", "/api/customers/{id}/stage", "sales", "Set the customer's stage (recorded); a stage others look "
                    + "after gives the customer to one of them in turn; null or \"\" clears the stage (recorded as a "
                    + "change to none), as \"(none)\" does in the console.", List.of(),
                    List.of("stage (required: a stage of GET /api/stages, or null or \"\" to clear)", "staffId")),
            get("/api/checkins/cadences", "keeping-in-touch", "The after-sales check-ins the business makes: what "
                    + "each follows (purchase, resolved-complaint), how many days after, at what local time, which "
                    + "text. A customer's check-ins and answers are in their history."),
            get("/api/reviews/due", "keeping-in-touch", "Customers whose account review falls due by a date, nearest "
                    + "first: last review (or customer since) plus the interval of their tier; with the tier staff set "
                    + "and the tier the rule suggests from purchases and recency.", "owner (staff id; absent: "
                    + "everyone)", "until (date, default a week from today)"),
            post("/api/customers/{id}/reviews", "keeping-in-touch", "Record an account review held by staff.",
                    "outcome (required: good, opportunity, at-risk, lost)", "notes", "nextStep", "staffId"),
            get("/api/customers/{id}/reviews", "keeping-in-touch", "The customer's account reviews, newest first: "
                    + "held by staff, or the customer's answers to the bot's questionnaire."));

    private ApiDescription() {
    }

    /** The OpenAPI 3 document. */
    public static ObjectNode openApi(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "RetainBot REST API");
        info.put("version", "1");
        info.put("description", "Everything needs Authorization: Bearer <ADMIN_TOKEN>. Every error is JSON "
                + "{\"error\": \"...\"} naming the field at fault.");
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject("admin").put("type", "http").put("scheme", "bearer");
        root.putArray("security").addObject().putArray("admin");
        components.putObject("schemas").putObject("Error").put("type", "object")
                .putObject("properties").putObject("error").put("type", "string");
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Operation operation : OPERATIONS) {
            ObjectNode path = paths.computeIfAbsent(operation.path(), key -> json.createObjectNode());
            ObjectNode method = path.putObject(operation.method().toLowerCase(Locale.ROOT));
            method.put("summary", operation.summary());
            method.putArray("tags").add(operation.tag());
            ArrayNode parameters = method.putArray("parameters");
            Matcher names = PATH_PARAM.matcher(operation.path());
            while (names.find()) {
                parameter(parameters, names.group(1), "path", "", true);
            }
            for (String query : operation.query()) {
                parameter(parameters, name(query), "query", explanation(query), false);
            }
            if (!operation.body().isEmpty()) {
                ObjectNode properties = method.putObject("requestBody").putObject("content")
                        .putObject("application/json").putObject("schema").put("type", "object")
                        .putObject("properties");
                for (String field : operation.body()) {
                    ObjectNode property = properties.putObject(name(field));
                    if (!explanation(field).isEmpty()) {
                        property.put("description", explanation(field));
                    }
                }
            }
            ObjectNode responses = method.putObject("responses");
            responses.putObject("200").put("description", "Done; the JSON of what it concerns.");
            responses.putObject("4XX").put("description", "Refused: {\"error\": \"...\"}.").putObject("content")
                    .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
        }
        ObjectNode pathsNode = root.putObject("paths");
        paths.forEach(pathsNode::set);
        return root;
    }

    private static void parameter(ArrayNode parameters, String name, String in, String description, boolean required) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name).put("in", in).put("required", required);
        if (!description.isEmpty()) {
            parameter.put("description", description);
        }
        parameter.putObject("schema").put("type", "string");
    }

    private static String name(String entry) {
        int space = entry.indexOf(' ');
        return space < 0 ? entry : entry.substring(0, space);
    }

    private static String explanation(String entry) {
        int open = entry.indexOf('(');
        return open < 0 ? "" : entry.substring(open + 1, entry.lastIndexOf(')')).strip();
    }
}
