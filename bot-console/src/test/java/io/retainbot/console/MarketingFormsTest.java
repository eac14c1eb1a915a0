package io.retainbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.ConsentState;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Template;
import io.retainbot.core.outreach.TemplateButton;
import io.retainbot.core.outreach.TemplatePurpose;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketingFormsTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private final ConsoleTexts.In english = ConsoleTexts.builtIn().in("en");

    @Test
    void readsEveryFilterOfASegment() {
        SegmentFilter filter = MarketingForms.filter(form("anyTags", "vip, #regular", "noTags", "walk-in",
                "languages", "ko", "languages", "en", "channels", "telegram", "tiers", "high", "owner", "7",
                "consent", "granted", "lastContactAfter", "2026-11-01", "openComplaint", "no", "recentDays", "30",
                "recentAtLeast", "2", "birthdayMonths", "3", "birthdayMonths", "12"), SEOUL);

        assertThat(filter.anyTags()).containsExactlyInAnyOrder(new Tag("vip"), new Tag("regular"));
        assertThat(filter.noTags()).containsExactly(new Tag("walk-in"));
        assertThat(filter.languages()).containsExactlyInAnyOrder("ko", "en");
        assertThat(filter.channels()).containsExactly(Platform.TELEGRAM);
        assertThat(filter.tiers()).containsExactly(OpportunityTier.HIGH);
        assertThat(filter.responsibleStaffId()).isEqualTo(7L);
        assertThat(filter.consent()).isEqualTo(ConsentState.GRANTED);
        assertThat(filter.lastContactAfter()).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));
        assertThat(filter.hasOpenComplaint()).isFalse();
        assertThat(filter.recentComplaints().days()).isEqualTo(30);
        assertThat(filter.recentComplaints().atLeast()).isEqualTo(2);
        assertThat(filter.birthdayMonths()).isEqualTo(Set.of(3, 12));
    }

    @Test
    void anEmptyFormIsEveryone() {
        assertThat(MarketingForms.filter(Form.EMPTY, SEOUL)).isEqualTo(SegmentFilter.EVERYONE);
    }

    @Test
    void saysWhatIsWrongInTheReadersLanguage() {
        assertThat(problem(() -> MarketingForms.filter(form("anyTags", "no/slash"), SEOUL)))
                .startsWith("\"no/slash\" is not a tag");
        assertThat(problem(() -> MarketingForms.filter(form("birthdayMonths", "13"), SEOUL)))
                .isEqualTo("\"13\" is not one of the choices.");
        assertThat(problem(() -> MarketingForms.filter(form("lastContactBefore", "yesterday"), SEOUL)))
                .startsWith("\"yesterday\" is not a date");
        assertThat(problem(() -> MarketingForms.filter(form("recentAtLeast", "2"), SEOUL)))
                .isEqualTo("Say in how many days the complaints were filed.");
        assertThat(problem(() -> MarketingForms.filter(form("owner", "-3"), SEOUL)))
                .startsWith("\"-3\" is not a whole number");
    }

    @Test
    void readsNowAMomentInTheBusinessZoneAndACalendarRule() {
        assertThat(MarketingForms.schedule(form("when", "now"), NOW, SEOUL)).isEqualTo(new BroadcastSchedule.Once(NOW));
        assertThat(MarketingForms.schedule(form("when", "at", "at", "2026-12-05T10:00"), NOW, SEOUL))
                .isEqualTo(new BroadcastSchedule.Once(Instant.parse("2026-12-05T01:00:00Z")));
        BroadcastSchedule.Recurring membershipDay = (BroadcastSchedule.Recurring) MarketingForms.schedule(form(
                "when", "rule", "rule", MarketingForms.MEMBERSHIP_DAY_RULE, "zone", "customer"), NOW, SEOUL);
        assertThat(membershipDay.rule().describe()).isEqualTo(MarketingForms.MEMBERSHIP_DAY_RULE);
        assertThat(membershipDay.zoneMode()).isEqualTo(BroadcastSchedule.ZoneMode.CUSTOMER);
    }

    @Test
    void refusesAPastMomentAnUnreadableRuleAndNoChoice() {
        assertThat(problem(() -> MarketingForms.schedule(form("when", "at", "at", "2026-11-01T10:00"), NOW, SEOUL)))
                .endsWith("is past. Choose a later time, or Now.");
        assertThat(problem(() -> MarketingForms.schedule(form("when", "rule", "rule", "whenever"), NOW, SEOUL)))
                .startsWith("\"whenever\" is not a calendar rule");
        assertThat(problem(() -> MarketingForms.schedule(Form.EMPTY, NOW, SEOUL))).startsWith("Please say when");
    }

    @Test
    void readsATemplateInEachLanguageAndTone() {
        Template template = MarketingForms.template(form("name", "Invitation", "purpose", "marketing",
                "defaultLanguage", "en", "text_en_formal", "Dear {name}", "text_ko_friendly", "{name}님 안녕하세요",
                "buttons", "thanks", "offerValidDays", "14"));

        assertThat(template.purpose()).isEqualTo(TemplatePurpose.MARKETING);
        assertThat(template.textFor("ko", Tone.FRIENDLY).body()).isEqualTo("{name}님 안녕하세요");
        assertThat(template.textFor("tl", Tone.FORMAL).body()).isEqualTo("Dear {name}");
        assertThat(template.buttons()).containsExactly(TemplateButton.THANKS);
        assertThat(template.offerValidDays()).isEqualTo(14);
        assertThat(problem(() -> MarketingForms.template(form("name", "Empty", "defaultLanguage", "ko",
                "text_en_formal", "Hello")))).isEqualTo("Please write the text in the default language.");
    }

    private String problem(Runnable reading) {
        try {
            reading.run();
        } catch (FormProblem problem) {
            return problem.message(english);
        }
        throw new AssertionError("no problem found");
    }

    /** A form of field names and values in turns; a name given twice has both values (checkboxes). */
    private static Form form(String... namesAndValues) {
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.computeIfAbsent(namesAndValues[i], name -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return new Form(values);
    }

    @Test
    void aFormKeepsWhatWasTyped() {
        Form form = form("name", "  Members ", "languages", "en", "languages", "", "languages", "ko");
        assertThat(form.value("name")).isEqualTo("Members");
        assertThat(form.value("missing", "09:00")).isEqualTo("09:00");
        assertThat(form.all("languages")).containsExactly("en", "ko");
        assertThat(form.has("languages", "ko")).isTrue();
        assertThatThrownBy(() -> form.values().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
