package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.retainbot.console.access.AccountChangeWording;
import io.retainbot.console.access.AccountResult;
import io.retainbot.console.access.Accounts;
import io.retainbot.console.access.SignIn;
import io.retainbot.console.access.Signed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The web console under {@code /console}: server-rendered pages for staff, mounted on the app's Javalin.
 * Every page but sign-in and set-up needs a session; every form carries a CSRF token (the session's, or
 * before signing in a cookie's twin) and a POST without the right one is refused with 403.
 */
public final class Console {
    static final String SESSION_COOKIE = "retainbot_console";
    static final String FORM_COOKIE = "retainbot_console_form";
    static final String LANGUAGE_COOKIE = "retainbot_console_lang";
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/" + HtmxVersion.VERSION + "/dist/htmx.min.js";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Accounts accounts;
    private final ConsoleTexts texts;
    private final ComplaintDesk desk;
    private final HandoverDesk handovers;
    private final CustomerDesk customers;
    private final MarketingDesk marketing;
    private final OfferDesk offers;
    private final ReportDesk report;
    private final ZoneId zone;
    private final SecureRandom random;
    private final Pages pages = new Pages();

    /** @param zone the business's time zone, in which the console shows times */
    public Console(Accounts accounts, ComplaintDesk desk, HandoverDesk handovers, CustomerDesk customers,
                   MarketingDesk marketing, OfferDesk offers, ReportDesk report, ZoneId zone, SecureRandom random) {
        this.accounts = accounts;
        this.texts = ConsoleTexts.builtIn();
        this.desk = desk;
        this.handovers = handovers;
        this.customers = customers;
        this.marketing = marketing;
        this.offers = offers;
        this.report = report;
        this.zone = zone;
        this.random = random;
    }

    public Accounts accounts() {
        return accounts;
    }

    /**
     * The console's routes. Multipart forms (a complaint's photo, a customer CSV) are read up to
     * {@link CustomerEditing#MAX_IMPORT_FORM_BYTES} in all, however they are sent (a streamed upload declares no
     * size).
     */
    public void mount(JavalinConfig config) {
        config.jetty.multipartConfig.maxTotalRequestSize(CustomerEditing.MAX_IMPORT_FORM_BYTES,
                io.javalin.config.SizeUnit.BYTES);
        config.routes.get("/console", this::home);
        config.routes.get("/console/assets/console.css", ctx -> asset(ctx, "console/console.css", "text/css; charset=utf-8"));
        config.routes.get("/console/assets/htmx.min.js", ctx -> asset(ctx, HTMX, "text/javascript; charset=utf-8"));
        config.routes.get("/console/sign-in", this::signInPage);
        config.routes.post("/console/sign-in", this::signIn);
        config.routes.get("/console/set-up", this::setUpPage);
        config.routes.post("/console/set-up", this::setUp);
        config.routes.post("/console/sign-out", ctx -> signedPost(ctx, signed -> {
            accounts.signOut(signed);
            ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", 0));
            ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
        }));
        config.routes.get("/console/account", ctx -> signedGet(ctx, signed -> account(ctx, signed, null, null)));
        config.routes.post("/console/account/password", ctx -> signedPost(ctx, signed -> {
            AccountResult result = accounts.changePassword(signed, ctx.formParam("current"), ctx.formParam("password"),
                    ctx.ip());
            if (result instanceof AccountResult.Refused refused) {
                account(ctx.status(400), signed, null, refused.messageKey());
            } else {
                account(ctx, signed, "account.password.changed", null);
            }
        }));
        config.routes.get("/console/staff", ctx -> signedGet(ctx, signed -> {
            if (allowed(ctx, signed, signed.isAdmin())) {
                staff(ctx, signed, null, null);
            }
        }));
        config.routes.post("/console/staff/{id}/sign-in", ctx -> signedPost(ctx, signed -> {
            if (!allowed(ctx, signed, signed.isAdmin())) {
                return;
            }
            long staffId = staffId(ctx);
            AccountResult result = staffId < 1 ? AccountResult.refused("account.staff.unknown")
                    : accounts.setSignIn(signed, staffId, ctx.formParam("login"), ctx.formParam("password"));
            if (result instanceof AccountResult.Refused refused) {
                staff(ctx.status(400), signed, null, refused.messageKey());
            } else {
                staff(ctx, signed, "staff.sign_in.saved", null);
            }
        }));
        desk.mount(config, this);
        handovers.mount(config, this);
        customers.mount(config, this);
        marketing.mount(config, this);
        offers.mount(config, this);
        report.mount(config, this);
    }

    private void home(Context ctx) {
        Optional<Signed> signed = signed(ctx);
        if (signed.isPresent()) {
            ctx.redirect(signed.get().handlesComplaints() ? "/console/complaints"
                    : MarketingDesk.reachesOut(signed.get()) ? "/console/broadcasts" : "/console/account");
        } else {
            ctx.redirect(accounts.setUpOpen() ? "/console/set-up" : "/console/sign-in");
        }
    }

    private void signInPage(Context ctx) {
        if (signed(ctx).isPresent()) {
            ctx.redirect("/console");
            return;
        }
        html(ctx, "signIn.jte", new Pages.SignInPage(anonymousFrame(ctx, "sign_in.title"), "", null));
    }

    private void signIn(Context ctx) {
        if (!formTokenMatches(ctx)) {
            forbidden(ctx, null);
            return;
        }
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("");
        SignIn result = accounts.signIn(login, ctx.formParam("password"), ctx.ip());
        if (result instanceof SignIn.SignedIn done) {
            ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, done.cookieToken(),
                    done.lifetime().toSeconds()));
            ctx.redirect("/console", HttpStatus.SEE_OTHER);
            return;
        }
        String error;
        if (result instanceof SignIn.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds() + (throttled.retryAfter().toMillisPart() > 0 ? 1 : 0));
            ctx.status(429).header("Retry-After", String.valueOf(seconds));
            error = frameTexts(ctx).get("sign_in.throttled_for", seconds);
        } else {
            ctx.status(401);
            error = frameTexts(ctx).get("sign_in.wrong");
        }
        html(ctx, "signIn.jte", new Pages.SignInPage(anonymousFrame(ctx, "sign_in.title"), login, error));
    }

    private void setUpPage(Context ctx) {
        if (!accounts.setUpOpen()) {
            ctx.redirect("/console/sign-in");
            return;
        }
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        html(ctx, "setUp.jte", new Pages.SetUpPage(anonymousFrame(ctx, "set_up.title"), token, "", "", null));
    }

    private void setUp(Context ctx) {
        if (!formTokenMatches(ctx)) {
            forbidden(ctx, null);
            return;
        }
        String token = ctx.formParam("token");
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("");
        AccountResult result = accounts.setUp(token, name, login, ctx.formParam("password"), ctx.ip());
        if (result instanceof AccountResult.Refused refused) {
            if (refused.messageKey().equals("set_up.closed")) {
                ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
                return;
            }
            ctx.status(refused.messageKey().equals("set_up.token.wrong") ? 403 : 400);
            html(ctx, "setUp.jte", new Pages.SetUpPage(anonymousFrame(ctx, "set_up.title"),
                    refused.messageKey().equals("set_up.token.wrong") ? "" : token, name, login,
                    frameTexts(ctx).get(refused.messageKey())));
            return;
        }
        html(ctx, "signIn.jte", new Pages.SignInPage(anonymousFrame(ctx, "sign_in.title"), login,
                null));
    }

    private void account(Context ctx, Signed signed, String notice, String error) {
        ConsoleTexts.In in = frameTexts(ctx);
        String login = accounts.staffAccounts().stream().filter(account -> account.staff().id() == signed.staff().id())
                .findFirst().flatMap(Accounts.StaffAccount::login).orElse("");
        html(ctx, "account.jte", new Pages.AccountPage(frame(ctx, signed, "account.title", "account"), login,
                notice == null ? null : in.get(notice), error == null ? null : in.get(error)));
    }

    private void staff(Context ctx, Signed signed, String notice, String error) {
        ConsoleTexts.In in = frameTexts(ctx);
        java.util.List<Accounts.StaffAccount> list = accounts.staffAccounts();
        Map<Long, String> names = list.stream().collect(Collectors.toMap(account -> account.staff().id(),
                account -> account.staff().name()));
        java.util.List<Pages.ChangeLine> changes = accounts.changes(50).stream().map(change -> new Pages.ChangeLine(
                change, AccountChangeWording.of(change.what()).map(worded -> in.get(worded.key(), worded.login()))
                        .orElse(change.what()), names.getOrDefault(change.staffId(), "#" + change.staffId()),
                change.changedBy() == null ? in.get("staff.changes.business") : names.getOrDefault(change.changedBy(),
                        "#" + change.changedBy()), WHEN.format(change.at().atZone(zone)))).toList();
        html(ctx, "staff.jte", new Pages.StaffPage(frame(ctx, signed, "staff.title", "staff"), list, changes,
                notice == null ? null : in.get(notice), error == null ? null : in.get(error)));
    }

    // ---- used by the console's sections ----

    /** Runs {@code page} for a signed-in staff member; anyone else is sent to sign in. */
    void signedGet(Context ctx, java.util.function.Consumer<Signed> page) {
        Optional<Signed> signed = signed(ctx);
        if (signed.isEmpty()) {
            if (ctx.header("HX-Request") != null) {
                // a part of a page refreshing itself: the whole page goes to sign-in, not just the part
                ctx.header("HX-Redirect", "/console/sign-in").result("");
            } else {
                ctx.redirect("/console/sign-in");
            }
            return;
        }
        ctx.header("Cache-Control", "no-store");
        page.accept(signed.get());
    }

    /** Runs {@code action} for a signed-in staff member whose form carries their session's CSRF token; else 403. */
    void signedPost(Context ctx, java.util.function.Consumer<Signed> action) {
        Optional<Signed> signed = signed(ctx);
        if (signed.isEmpty()) {
            forbidden(ctx, null);
            return;
        }
        String sent = ctx.formParam("csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                signed.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            forbidden(ctx, signed.get());
            return;
        }
        action.accept(signed.get());
    }

    /** Whether the staff member's role allows the page; if not, a 403 page has been sent. */
    boolean allowed(Context ctx, Signed signed, boolean allowed) {
        if (!allowed) {
            ConsoleTexts.In in = frameTexts(ctx);
            ctx.status(403);
            html(ctx, "problem.jte", new Pages.ProblemPage(frame(ctx, signed, "problem.not_allowed.title", ""),
                    in.get("problem.not_allowed.title"), in.get("problem.not_allowed.text")));
        }
        return allowed;
    }

    void forbidden(Context ctx, Signed signed) {
        ConsoleTexts.In in = frameTexts(ctx);
        ctx.status(403);
        Frame frame = signed == null ? anonymousFrame(ctx, "problem.forged.title")
                : frame(ctx, signed, "problem.forged.title", "");
        html(ctx, "problem.jte", new Pages.ProblemPage(frame, in.get("problem.forged.title"),
                in.get("problem.forged.text")));
    }

    void notFound(Context ctx, Signed signed, String message) {
        ConsoleTexts.In in = frameTexts(ctx);
        ctx.status(404);
        html(ctx, "problem.jte", new Pages.ProblemPage(frame(ctx, signed, "problem.not_found.title", ""),
                in.get("problem.not_found.title"), message));
    }

    Frame frame(Context ctx, Signed signed, String titleKey, String section) {
        ConsoleTexts.In in = frameTexts(ctx);
        return new Frame(in, signed, signed.csrfToken(), in.get(titleKey), section);
    }

    void html(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .result(pages.render(template, page));
    }

    String fragment(String template, Object page) {
        return pages.render(template, page);
    }

    /** The reader's language: chosen with ?lang= (remembered in a cookie), else the browser's. */
    ConsoleTexts.In frameTexts(Context ctx) {
        String cached = ctx.attribute(LANGUAGE_COOKIE);
        if (cached != null) {
            return texts.in(cached);
        }
        String chosen = ctx.queryParam("lang");
        String language;
        if (chosen != null && ConsoleTexts.LANGUAGES.contains(chosen)) {
            language = chosen;
            ctx.res().addHeader("Set-Cookie", cookie(ctx, LANGUAGE_COOKIE, chosen, 365L * 24 * 3600));
        } else {
            String remembered = ctx.cookie(LANGUAGE_COOKIE);
            language = remembered != null && ConsoleTexts.LANGUAGES.contains(remembered) ? remembered
                    : ConsoleTexts.languageFor(ctx.header("Accept-Language"));
        }
        ctx.attribute(LANGUAGE_COOKIE, language);
        return texts.in(language);
    }

    ZoneId zone() {
        return zone;
    }

    private Optional<Signed> signed(Context ctx) {
        return accounts.signedIn(ctx.cookie(SESSION_COOKIE));
    }

    /** The frame of a page shown before signing in: its forms carry the twin of a cookie set here. */
    private Frame anonymousFrame(Context ctx, String titleKey) {
        String token = ctx.cookie(FORM_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.res().addHeader("Set-Cookie", cookie(ctx, FORM_COOKIE, token, -1));
        }
        ConsoleTexts.In in = frameTexts(ctx);
        return new Frame(in, null, token, in.get(titleKey), "");
    }

    /** A form sent before signing in carries the value of the form cookie this browser was given. */
    private static boolean formTokenMatches(Context ctx) {
        String cookie = ctx.cookie(FORM_COOKIE);
        String sent = ctx.formParam("csrf");
        return cookie != null && sent != null && !cookie.isEmpty()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** A cookie for the console's paths only, out of scripts' reach, sent on same-site navigation only. */
    private static String cookie(Context ctx, String name, String value, long maxAgeSeconds) {
        return name + "=" + value + "; Path=/console; HttpOnly; SameSite=Lax"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (https(ctx) ? "; Secure" : "");
    }

    private static boolean https(Context ctx) {
        String forwarded = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse("");
        return ctx.scheme().equals("https") || forwarded.split(",")[0].strip().equalsIgnoreCase("https");
    }

    private static long staffId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    static void asset(Context ctx, String resource, String contentType) {
        try (InputStream in = Console.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                ctx.status(404).result("");
                return;
            }
            ctx.contentType(contentType).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String when(java.time.Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
