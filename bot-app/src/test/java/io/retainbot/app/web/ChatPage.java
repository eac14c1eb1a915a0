package io.retainbot.app.web;

import io.retainbot.app.browser.Browser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The web chat as a customer sees it in the browser: type, press, attach, read (also used by the console's tests). */
public final class ChatPage {
    private static final Pattern REFERENCE = Pattern.compile("C-\\d+");

    private final Browser browser;
    private final String url;

    public ChatPage(Browser browser, int port) {
        this.browser = browser;
        this.url = "http://localhost:" + port + "/chat";
    }

    /** Opens the chat and waits for the bot's first message. */
    public ChatPage open() {
        browser.go(url);
        awaitBotMessages(1);
        return this;
    }

    ChatPage reload() {
        browser.reload();
        awaitBotMessages(1);
        return this;
    }

    /** Types {@code text} into the message box and presses Send. */
    public ChatPage type(String text) {
        WebElement input = browser.find(By.id("input"));
        input.clear();
        input.sendKeys(text);
        browser.find(By.id("send")).click();
        return this;
    }

    /** Presses the enabled button labelled {@code label}, waiting for it to appear. */
    public ChatPage press(String label) {
        browser.await("an enabled button \"" + label + "\"", driver -> browser.findAll(By.cssSelector(".msg--bot .buttons button"))
                .stream().filter(button -> button.getText().equals(label) && button.isEnabled())
                .reduce((first, second) -> second).orElse(null)).click();
        return this;
    }

    /** Chooses a language in the page's language picker by its name as listed ("한국어", "Tagalog"). */
    public ChatPage chooseLanguage(String name) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("language"))).selectByVisibleText(name);
        return this;
    }

    /** The language the page's picker shows as chosen, by its listed name. */
    String chosenLanguage() {
        return new org.openqa.selenium.support.ui.Select(browser.find(By.id("language"))).getFirstSelectedOption().getText();
    }

    /** Chooses a file in the page's attach control, as a customer picking a photo does. */
    public ChatPage attach(Path file) {
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Waits until the bot has said one of {@code texts} (whole message) and returns it. */
    public String awaitBot(List<String> texts) {
        return browser.await("the bot to say one of " + texts, driver -> botTexts().stream()
                .filter(texts::contains).findFirst().orElse(null));
    }

    /** Waits until the bot has said something containing {@code part} and returns it. */
    public String awaitBotContaining(String part) {
        return browser.await("the bot to say something with \"" + part + "\"", driver -> botTexts().stream()
                .filter(text -> text.contains(part)).reduce((first, second) -> second).orElse(null));
    }

    /**
     * Waits until a bot message containing {@code part} shows a photo the browser has loaded, and returns the
     * photo's address.
     */
    public String awaitBotPhoto(String part) {
        return browser.await("a photo with the bot's \"" + part + "\"", driver -> (String) browser.script("""
                return Array.from(document.querySelectorAll('#log li.msg--bot'))
                    .filter(li => li.querySelector('.msg__text').textContent.includes(arguments[0]))
                    .map(li => li.querySelector('img.msg__image'))
                    .filter(image => image && image.complete && image.naturalWidth > 0)
                    .map(image => image.src).pop() || null;
                """, part));
    }

    /** Waits for the bot to give a complaint reference and returns it (C-1004). */
    public String awaitReference() {
        String acknowledgement = browser.await("a complaint reference", driver -> botTexts().stream()
                .filter(text -> REFERENCE.matcher(text).find()).findFirst().orElse(null));
        Matcher matcher = REFERENCE.matcher(acknowledgement);
        matcher.find();
        return matcher.group();
    }

    void awaitBotMessages(int count) {
        browser.await(count + " bot messages", driver -> botTexts().size() >= count);
    }

    /** Waits until the transcript has {@code count} lines, none of them still being sent. */
    void awaitLines(int count) {
        browser.await(count + " settled lines", driver -> transcript().size() >= count
                && browser.findAll(By.cssSelector(".msg--pending")).isEmpty());
    }

    List<String> botTexts() {
        return texts(".msg--bot");
    }

    List<String> myTexts() {
        return texts(".msg--me");
    }

    private List<String> texts(String kind) {
        return browser.findAll(By.cssSelector("#log " + kind + " .msg__text")).stream().map(WebElement::getText).toList();
    }

    /** Every line of the conversation in order, as "bot: ..." or "me: ...". */
    @SuppressWarnings("unchecked")
    List<String> transcript() {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('#log li.msg--bot, #log li.msg--me')).map(li =>
                    (li.classList.contains('msg--me') ? 'me: ' : 'bot: ')
                    + li.querySelector('.msg__text').textContent
                    + (li.querySelector('img.msg__image') ? ' [image]' : ''));
                """);
    }

    /** The enabled state of every button, by message, oldest first. */
    List<WebElement> buttons() {
        return browser.findAll(By.cssSelector(".msg--bot .buttons button"));
    }

    List<WebElement> errors() {
        return browser.findAll(By.cssSelector(".msg--error"));
    }

    /** The page's own labels: title, heading, placeholder, Send, and the document's language. */
    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
        return (Map<String, String>) browser.script("""
                return { title: document.title, heading: document.getElementById('title').textContent,
                         placeholder: document.getElementById('input').placeholder,
                         send: document.getElementById('send').textContent,
                         lang: document.documentElement.lang };
                """);
    }

    /** How many complaint references (C-1004) the page shows broken over two lines. */
    long brokenReferences() {
        return (Long) browser.script("return Array.from(document.querySelectorAll('.ref'))"
                + ".filter(ref => ref.getClientRects().length > 1).length;");
    }

    /** How many references the page marks as such. */
    long references() {
        return (Long) browser.script("return document.querySelectorAll('.ref').length;");
    }

    /** Whether the page is wider than the window (something did not wrap). */
    boolean overflowsSideways() {
        return (Boolean) browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
                        + " || Array.from(document.querySelectorAll('.msg')).some(m => m.scrollWidth > m.clientWidth + 1);");
    }

    /**
     * What of the composer a visitor cannot see: "scrolls" when the empty box (its placeholder) needs a scroll bar,
     * "cut" when a part of it or of the Send button lies outside the window; empty when all of it shows.
     */
    @SuppressWarnings("unchecked")
    List<String> composerFaults() {
        return (List<String>) browser.script("""
                const input = document.getElementById('input');
                const faults = [];
                if (input.value === '' && input.scrollHeight > input.clientHeight + 1) { faults.push('scrolls'); }
                const width = document.documentElement.clientWidth;
                for (const id of ['input', 'send', 'attach', 'language']) {
                    const box = document.getElementById(id).getBoundingClientRect();
                    if (box.left < 0 || box.right > width) { faults.push(id + ' cut'); }
                }
                return faults;
                """);
    }
}
