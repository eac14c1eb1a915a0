package io.retainbot.app.web;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.WebChatStore;
import io.retainbot.core.port.WebChatStore.VisitorLine;
import io.retainbot.core.port.WebChatStore.WebEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web chat's logic, free of HTTP: sessions the server issues, turning page actions into inbound
 * events, uploads, and the transcript the page shows (both sides, in the conversation's language).
 *
 * <p>A session is a 128-bit random secret in the visitor's cookie. The chat is named everywhere else
 * (engine, store, API, logs) by a chat id derived from it with SHA-256, so no cookie can be read back
 * from what the bot shows, and a cookie the server never issued names no chat.
 */
public final class WebChat {
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_.]+)}}");
    private static final Pattern FILE_KEY = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String FILE_PREFIX = Photo.WEB_FILE_PREFIX;
    /**
     * A command typed into the text box ("/human", "/help me"), which the page may send as plain text: acts
     * as the command, as a typed "/word" does on Telegram and Discord; "/path/to/x" stays text.
     */
    private static final Pattern TYPED_COMMAND = Pattern.compile("/[A-Za-z0-9_]{1,32}(\\s|$)");
    private static final int PAGE = 200;

    private final EventSink sink;
    private final WebChatStore store;
    private final FileStore files;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    private final RandomGenerator random;
    private final RateLimiter perSession;
    private final RateLimiter newSessionsPerAddress;
    private final String pageTemplate;
    private final String embedTemplate;
    private final String assetVersion;

    /**
     * @param store                 the web chat's sessions and transcripts, each call its own transaction
     * @param files                 where uploads are kept, each call its own transaction
     * @param random                the source of session secrets and file keys (a SecureRandom outside tests)
     * @param perSession            how many actions one session may take (messages, presses, uploads)
     * @param newSessionsPerAddress how many sessions one client address may open
     */
    public WebChat(EventSink sink, WebChatStore store, FileStore files, Messages messages, BusinessConfig business,
                   Clock clock, RandomGenerator random, RateLimiter perSession, RateLimiter newSessionsPerAddress) {
        this.sink = sink;
        this.store = store;
        this.files = files;
        this.messages = messages;
        this.business = business;
        this.clock = clock;
        this.random = random;
        this.perSession = perSession;
        this.newSessionsPerAddress = newSessionsPerAddress;
        this.pageTemplate = resource("web/chat.html");
        this.embedTemplate = resource("web/embed.js");
        this.assetVersion = version(resource("web/chat.js") + resource("web/chat.css") + resource("web/icon.svg"));
    }

    /** A session the server issued: the secret goes into the cookie, the chat id everywhere else. */
    public record Session(String secret, String chatId) {
    }

    /** The chat a cookie names, if the server issued it. */
    public Optional<String> chatOf(String cookie) {
        if (cookie == null || !SECRET.matcher(cookie).matches()) {
            return Optional.empty();
        }
        String chatId = chatIdFor(cookie);
        return store.sessionExists(chatId) ? Optional.of(chatId) : Optional.empty();
    }

    /**
     * Opens a new session for a visitor at {@code address}. The bot speaks {@code chosenLanguage} to them
     * (a supported code, or empty for none), else the first supported language their browser asks for.
     *
     * @throws Refusal when that address opened too many sessions in the last minute
     */
    public Session openSession(String address, String acceptLanguage, String chosenLanguage) {
        if (!newSessionsPerAddress.tryAcquire(address)) {
            throw new Refusal(429, textsFor(null, acceptLanguage), "web.too_many_sessions");
        }
        String secret = randomToken();
        String chatId = chatIdFor(secret);
        store.openSession(chatId, clock.instant());
        Optional.of(chosenLanguage).filter(messages::isSupported).or(() -> languageOf(acceptLanguage))
                .ifPresent(language -> store.chooseLanguage(chatId, language));
        return new Session(secret, chatId);
    }

    /**
     * Keeps the language the visitor of an open session asked for; the bot speaks it until it knows the
     * customer, who then changes language in the chat ({@code /language}, or the page's language picker).
     */
    public void chooseLanguage(String chatId, String language) {
        if (messages.isSupported(language)) {
            store.chooseLanguage(chatId, language);
        }
    }

    /**
     * The first language among {@code tags} that the bot speaks, as a catalog code: a language tag ("ko-KR"),
     * or a list as Accept-Language and navigator.languages give it ("fr-FR, ko;q=0.9" is ko); empty when
     * none of them is spoken here.
     */
    public Optional<String> languageOf(String tags) {
        if (tags == null) {
            return Optional.empty();
        }
        for (String part : tags.split(",")) {
            Optional<String> spoken = messages.spokenLanguage(part.split(";")[0]);
            if (spoken.isPresent()) {
                return spoken;
            }
        }
        return Optional.empty();
    }

    /** The languages the chat speaks, as catalog codes ("en", "ko", "tl"). */
    public List<String> languages() {
        return messages.languages();
    }

    /** The languages the chat speaks, as the page's picker lists them: "en:English|ko:한국어|tl:Tagalog". */
    private String languageChoices(Tone tone) {
        return String.join("|", messages.languages().stream()
                .map(language -> language + ":" + messages.in(language, tone).get("language.name")).toList());
    }

    /** A short fingerprint of the page's scripts and styles, so a browser never mixes an old script with a new page. */
    private static String version(String assets) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(assets.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    /** The chat id a session secret names (one way: the id never gives the secret back). */
    public static String chatIdFor(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return "w-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    /** The chat page in the conversation's language (or the browser's, for a new visitor). */
    public String page(String chatId, String acceptLanguage, boolean embedded) {
        Texts texts = textsFor(chatId, acceptLanguage);
        return fill(pageTemplate, texts, Map.of("lang", texts.language(), "mode", embedded ? "embedded" : "page",
                "assets", assetVersion, "languages", languageChoices(texts.tone())), WebChat::escapeHtml);
    }

    /** The script a business puts on its own site: a chat bubble that opens this chat in a frame. */
    public String embedScript(String acceptLanguage) {
        Texts texts = textsFor(null, acceptLanguage);
        return fill(embedTemplate, texts, Map.of("lang", texts.language()), WebChat::escapeJavaScript);
    }

    /**
     * Hands the visitor's action to the engine, after writing what they said into their transcript;
     * returns once it is committed.
     */
    public EventSink.Receipt submit(String chatId, WebEvent event, String acceptLanguage) {
        if (!event.type().equals("start")) {
            limit(chatId, acceptLanguage);
        }
        visitorLine(chatId, event).ifPresent(line -> store.appendVisitor(chatId, event.id(), line, clock.instant()));
        ChannelRef channel = new ChannelRef(Platform.WEB, chatId);
        Sender sender = new Sender(chatId, "", visitorLanguage(chatId, event.language()), event.zone());
        String eventId = chatId + ":" + event.id();
        InboundEvent inbound = switch (event.type()) {
            case "start" -> new InboundEvent.ConversationStarted(channel, sender, eventId, clock.instant());
            case "button" -> new InboundEvent.ButtonPressed(channel, sender, eventId, clock.instant(), event.data(),
                    event.messageId());
            case "command" -> command(channel, sender, eventId, event.text().strip());
            default -> TYPED_COMMAND.matcher(event.text().strip()).lookingAt()
                    ? command(channel, sender, eventId, event.text().strip())
                    : new InboundEvent.TextReceived(channel, sender, eventId, clock.instant(), event.text());
        };
        return sink.accept(inbound);
    }

    /**
     * Stores an uploaded file, writes it into the visitor's transcript and hands it to the engine as an
     * attachment, as a photo sent on Telegram would be.
     *
     * @throws Refusal when the file is empty, too large or neither a photo nor a PDF
     */
    public EventSink.Receipt upload(String chatId, Upload upload, String acceptLanguage) {
        limit(chatId, acceptLanguage);
        Texts texts = textsFor(chatId, acceptLanguage);
        if (upload.content().length == 0) {
            throw new Refusal(400, texts, "web.file_empty");
        }
        if (upload.content().length > MAX_FILE_BYTES) {
            throw fileTooLarge(chatId, acceptLanguage);
        }
        FileKind kind = FileKind.of(upload.content())
                .orElseThrow(() -> new Refusal(415, texts, "web.file_type"));
        ChannelRef channel = new ChannelRef(Platform.WEB, chatId);
        // both writes are idempotent per upload id, so a retry after a failure between them completes the pair
        FileStore.StoredFile stored = files.save(new FileStore.NewFile(randomToken(), channel, upload.id(),
                kind.mediaType, upload.fileName(), upload.content(), clock.instant()));
        store.appendVisitor(chatId, upload.id(),
                new VisitorLine(upload.caption(), stored.key(), stored.fileName(), stored.mediaType()), clock.instant());
        FileRef file = new FileRef(FILE_PREFIX + stored.key(), kind.kind, stored.mediaType(), stored.sizeBytes(),
                stored.fileName());
        return sink.accept(new InboundEvent.AttachmentReceived(channel, new Sender(chatId, "", visitorLanguage(chatId, upload.language())),
                chatId + ":" + upload.id(), clock.instant(), List.of(file), upload.caption()));
    }

    /** The polite answer to a file over {@link #MAX_FILE_BYTES}, for when its declared size says so at once. */
    public Refusal fileTooLarge(String chatId, String acceptLanguage) {
        return new Refusal(413, textsFor(chatId, acceptLanguage), "web.file_too_large", "max",
                MAX_FILE_BYTES / (1024 * 1024));
    }

    /** The stored file a complaint attachment names, when the web chat keeps it. */
    public Optional<FileStore.StoredFile> attachedFile(String platformFileId) {
        if (platformFileId == null || !platformFileId.startsWith(FILE_PREFIX)) {
            return Optional.empty();
        }
        String key = platformFileId.substring(FILE_PREFIX.length());
        return FILE_KEY.matcher(key).matches() ? files.find(key) : Optional.empty();
    }

    /** A file the visitor of this chat uploaded, for their own page to show. */
    public Optional<FileStore.StoredFile> ownFile(String chatId, String key) {
        return attachedFile(FILE_PREFIX + key).filter(file -> file.channel().equals(new ChannelRef(Platform.WEB, chatId)));
    }

    /** The transcript after {@code afterId}, both sides, with the page's labels in the conversation's language. */
    public Transcript transcript(String chatId, long afterId, String acceptLanguage) {
        List<WebEntry> entries = store.after(chatId, Math.max(0, afterId), PAGE);
        Texts texts = textsFor(chatId, acceptLanguage);
        return new Transcript(entries.stream().map(WebChat::line).toList(), entries.size() == PAGE,
                texts.language(), labels(texts));
    }

    /**
     * The texts for this chat: its customer's language and tone; for a visitor the bot does not know yet, the
     * language they chose for the session, else the first one their browser asks for that the bot speaks.
     */
    public Texts textsFor(String chatId, String acceptLanguage) {
        Optional<Customer> customer = chatId == null ? Optional.empty() : store.visitor(chatId);
        return customer.map(found -> messages.in(found.language(), found.tone()))
                .orElseGet(() -> messages.in(
                        (chatId == null ? Optional.<String>empty() : store.sessionLanguage(chatId))
                                .or(() -> languageOf(acceptLanguage)).orElse(Messages.FALLBACK),
                        business.defaultTone()));
    }

    /**
     * The language hint an event brings for a customer the bot may not know yet: the first spoken one among
     * the languages the page sent (its browser's), else the one chosen for the session.
     */
    private String visitorLanguage(String chatId, String eventLanguages) {
        return languageOf(eventLanguages).or(() -> store.sessionLanguage(chatId)).orElse("");
    }

    private void limit(String chatId, String acceptLanguage) {
        if (!perSession.tryAcquire(chatId)) {
            throw new Refusal(429, textsFor(chatId, acceptLanguage), "web.rate_limited");
        }
    }

    private Optional<VisitorLine> visitorLine(String chatId, WebEvent event) {
        return switch (event.type()) {
            case "text", "command" -> Optional.of(VisitorLine.text(event.text()));
            case "button" -> pressedLabel(chatId, event).map(VisitorLine::text);
            default -> Optional.empty();
        };
    }

    /** The label of the pressed button as the bot showed it; empty when the page named no such button. */
    private Optional<String> pressedLabel(String chatId, WebEvent event) {
        long messageId;
        try {
            messageId = Long.parseLong(event.messageId());
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        return store.botMessage(chatId, messageId)
                .flatMap(message -> message.buttons().stream().flatMap(List::stream)
                        .filter(button -> button.data().equals(event.data()))
                        .map(Button::label)
                        .findFirst());
    }

    private InboundEvent command(ChannelRef channel, Sender sender, String eventId, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].isEmpty() ? "help" : parts[0];
        return new InboundEvent.CommandReceived(channel, sender, eventId, clock.instant(), name,
                parts.length > 1 ? parts[1] : "");
    }

    /** Where the page shows a photo: a template's from the photo store, any other from the visitor's files. */
    private static String photoUrl(Photo photo) {
        return photo.origin() == Photo.Origin.KEPT ? "/chat/api/photos/" + photo.key() : "/chat/api/files/" + photo.key();
    }

    private String randomToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Map<String, String> labels(Texts texts) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", texts.get("web.title", "company", business.companyName()));
        labels.put("placeholder", texts.get("web.placeholder"));
        labels.put("send", texts.get("web.send"));
        labels.put("attach", texts.get("web.attach"));
        labels.put("online", texts.get("web.online"));
        labels.put("reconnecting", texts.get("web.reconnecting"));
        labels.put("sendFailed", texts.get("web.send_failed"));
        labels.put("language", texts.get("web.language"));
        labels.put("fileTooLarge", texts.get("web.file_too_large", "max", MAX_FILE_BYTES / (1024 * 1024)));
        return labels;
    }

    private static Line line(WebEntry entry) {
        if (entry instanceof WebEntry.VisitorSaid said) {
            VisitorLine line = said.line();
            FileView file = line.fileKey().isEmpty() ? null : new FileView("/chat/api/files/" + line.fileKey(),
                    line.fileName(), line.mediaType(), FileKind.showsInBrowsers(line.mediaType()));
            return new Line(said.id(), "me", line.text(), List.of(), null, said.eventId(), file, said.at().toString());
        }
        WebEntry.BotSaid said = (WebEntry.BotSaid) entry;
        OutboundMessage body = said.message();
        String editOf = body instanceof OutboundMessage.Edit edit ? edit.messageId() : null;
        List<List<ButtonView>> buttons = body.buttons().stream()
                .map(row -> row.stream().map(button -> new ButtonView(button.label(), button.data())).toList())
                .toList();
        FileView photo = body instanceof OutboundMessage.Text text && text.photo() != null
                ? new FileView(photoUrl(text.photo()), "", "image", true) : null;
        return new Line(said.id(), "bot", body.text(), buttons, editOf, null, photo, said.at().toString());
    }

    /** What the page polls: transcript lines after its last one, and its own labels in the chat's language. */
    public record Transcript(List<Line> messages, boolean more, String language, Map<String, String> labels) {
    }

    /**
     * One transcript line as the page reads it.
     *
     * @param from    "bot" or "me" (the visitor)
     * @param editOf  for a bot edit, the id of the line it replaces
     * @param eventId for a visitor line, the page's id of the event that wrote it
     */
    public record Line(long id, String from, String text, List<List<ButtonView>> buttons, String editOf,
                       String eventId, FileView file, String sentAt) {
    }

    public record ButtonView(String label, String data) {
    }

    public record FileView(String url, String name, String mediaType, boolean image) {
    }

    /**
     * A file the visitor uploaded.
     *
     * @param id the page's id for the upload, so a retried upload is taken once
     */
    public record Upload(String id, String fileName, String caption, String language, byte[] content) {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

        public Upload {
            if (id == null || !ID.matcher(id).matches()) {
                throw new WebEvent.InvalidWebEvent("id must be 1 to 100 letters, digits, '-' or '_'");
            }
            fileName = fileName == null ? "" : fileName.strip();
            if (fileName.length() > 200) {
                fileName = fileName.substring(fileName.length() - 200);
            }
            caption = caption == null ? "" : caption.strip();
            if (caption.length() > WebEvent.MAX_TEXT) {
                throw new WebEvent.InvalidWebEvent("caption is longer than " + WebEvent.MAX_TEXT + " characters");
            }
            language = language == null ? "" : language;
            if (language.length() > 35) {
                throw new WebEvent.InvalidWebEvent("language is too long");
            }
        }
    }

    /** The chat declines a visitor's request; the message is polite and in their language. */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final String language;

        Refusal(int status, Texts texts, String key, Object... arguments) {
            super(texts.get(key, arguments), null, false, false);
            this.status = status;
            this.language = texts.language();
        }

        public int status() {
            return status;
        }

        /** The language the message is in (the page shows it as it is; other errors it words itself). */
        public String language() {
            return language;
        }
    }

    private String fill(String template, Texts texts, Map<String, String> values,
                        java.util.function.UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.containsKey(key) ? values.get(key)
                    : texts.get(key, "company", business.companyName());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(escape.apply(value)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** For a value inside a double-quoted JavaScript string. */
    static String escapeJavaScript(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char character : text.toCharArray()) {
            if (character == '"' || character == '\\' || character == '<' || character == '>' || character == '&'
                    || character == '\'' || character < 0x20 || character == 0x2028 || character == 0x2029) {
                escaped.append(String.format("\\u%04x", (int) character));
            } else {
                escaped.append(character);
            }
        }
        return escaped.toString();
    }

    private static String resource(String name) {
        try (InputStream in = WebChat.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
