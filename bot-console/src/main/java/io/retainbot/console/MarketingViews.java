package io.retainbot.console;

import java.util.List;

/** What the marketing pages show, ready to render (texts in the reader's language, times in the business's zone). */
public final class MarketingViews {
    private MarketingViews() {
    }

    public record Option(String value, String label) {
    }

    /** @param summary the filter in a few words */
    public record SegmentLine(long id, String name, String summary, String createdAt) {
    }

    /** @param audience how many customers the form's filter matches now (the live count's first value) */
    public record SegmentsPage(Frame frame, List<SegmentLine> segments, Form form, String audience, List<Option> owners,
                               List<Option> languages, String notice, String error) {
    }

    /** The audience a filter matches now (the live count of the segment form), or why it cannot be counted. */
    public record AudienceView(Frame frame, String text, boolean problem) {
    }

    public record TemplateLine(long id, String name, String purpose, String languages, List<String> buttons,
                               String offer, String createdAt) {
    }

    public record TemplatesPage(Frame frame, List<TemplateLine> templates, Form form, List<Option> languages,
                                String notice, String error) {
    }

    public record TextLine(String language, String tone, String body) {
    }

    public record PreviewView(String customer, String language, String tone, String text, List<String> buttons,
                              boolean sampleOfferCode) {
    }

    /** @param preview null until a customer is chosen; @param matches other customers the search found */
    public record TemplatePage(Frame frame, TemplateLine template, List<TextLine> texts, Form form,
                               PreviewView preview, List<Option> matches, String notice, String error) {
    }

    public record BroadcastLine(long id, String name, String segment, String template, String schedule,
                                String status, String statusCode, String next) {
    }

    public record BroadcastsPage(Frame frame, List<BroadcastLine> broadcasts, List<Option> segments,
                                 List<Option> templates, Form form, String notice, String error) {
    }

    /**
     * One run's progress: counts, the share done, the rate over the last minute and the expected finish.
     *
     * @param waiting how many wait for a later time and when the first goes ("2, the first at ..."); empty when none
     */
    public record RunView(String occurrence, String status, long total, long done, long sent, long unreachable,
                          long failed, long skipped, long remaining, int percent, String rate, String finish,
                          String waiting) {
    }

    /** @param live whether the part keeps refreshing itself (a run is on, or the first one is awaited) */
    public record ProgressPart(Frame frame, long broadcastId, RunView current, boolean live) {
    }

    public record BroadcastPage(Frame frame, BroadcastLine broadcast, ProgressPart progress, List<RunView> earlier,
                                boolean canPause, boolean canResume, boolean canCancel, String notice, String error) {
    }

    /** @param birthday null until birthday greetings are set up */
    public record GreetingsPage(Frame frame, BroadcastLine birthday, boolean birthdayEnabled, List<RunView> birthdayRuns,
                                List<BroadcastLine> recurring, List<Option> segments, List<Option> templates,
                                Form birthdayForm, Form membershipForm, String notice, String error) {
    }

    public record ReasonLine(String label, long count, int percent) {
    }

    public record TallyLine(String name, long sent, long optOuts, long offersSent, long offersRedeemed) {
    }

    public record ExitReasonsPage(Frame frame, List<ReasonLine> reasons, long total, List<String> texts,
                                  List<TallyLine> broadcasts) {
    }

    public record ChangeLine(String at, String text) {
    }

    public record ChangesPage(Frame frame, List<ChangeLine> changes) {
    }
}
