package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplatesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private final Transactor transactor = db.database().transactor();
    private final MutableClock clock = new MutableClock(NOW);
    private final Templates templates = new Templates(transactor,
            new TemplateRenderer(Messages.builtIn(), "Santos Bakery", ZoneId.of("Asia/Manila")), clock);

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void keepsEveryTextButtonAndSetting() {
        Template draft = Templates.draft("Membership day", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Dear {name}, see you on {membershipDay}. Code: {offerCode}"),
                new TemplateText("en", Tone.FRIENDLY, "Hi {name}! {membershipDay}! Code {offerCode}"),
                new TemplateText("ko", Tone.FORMAL, "{name}님, {membershipDay}에 뵙겠습니다. {offerCode}")),
                List.of(TemplateButton.THANKS, TemplateButton.STOP), 14);

        Template created = templates.create(draft).orElseThrow();
        Template read = templates.find(created.id()).orElseThrow();

        assertThat(read.name()).isEqualTo("Membership day");
        assertThat(read.texts()).containsExactlyInAnyOrderElementsOf(draft.texts());
        assertThat(read.buttons()).containsExactly(TemplateButton.THANKS, TemplateButton.STOP);
        assertThat(read.offerValidDays()).isEqualTo(14);
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(templates.list()).extracting(Template::id).containsExactly(created.id());
        assertThat(templates.create(draft)).isEmpty();
        assertThat(templates.delete(created.id())).isTrue();
        assertThat(templates.find(created.id())).isEmpty();
        assertThat(db.count("select count(*) from message_template_text")).isZero();
    }

    @Test
    void previewsForAChosenCustomerWithASampleCodeAndIssuesNothing() {
        Template perk = templates.create(Templates.draft("Perk", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Dear {name}, your code is {offerCode}."),
                new TemplateText("ko", Tone.FORMAL, "{name}님, 코드는 {offerCode}입니다.")),
                List.of(TemplateButton.THANKS), 30)).orElseThrow();
        Customer jun = customer(CustomerProfile.builder().displayName("김준").language("ko").tone(Tone.FRIENDLY)
                .build());

        Templates.Preview preview = templates.preview(perk.id(), jun.id(), null).orElseThrow();

        assertThat(preview.message().text()).isEqualTo("김준님, 코드는 SAMP-LE22입니다.");
        assertThat(preview.chosen().language()).isEqualTo("ko");
        assertThat(preview.sampleOfferCode()).isTrue();
        assertThat(db.count("select count(*) from offer_code")).isZero();
    }

    @Test
    void previewShowsTheCodeTheCustomerAlreadyHolds() {
        Template perk = templates.create(Templates.draft("Perk", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Your code is {offerCode}.")), List.of(), 30)).orElseThrow();
        Customer ana = customer(CustomerProfile.named("Ana", "en"));
        OfferCode held = new Offers(transactor, new OfferCodeGenerator(new Random(3)), clock)
                .issue(ana.id(), Templates.campaign(perk), Duration.ofDays(30));

        Templates.Preview preview = templates.preview(perk.id(), ana.id(), null).orElseThrow();

        assertThat(preview.message().text()).isEqualTo("Your code is " + held.code() + ".");
        assertThat(preview.sampleOfferCode()).isFalse();
    }

    @Test
    void previewNeedsTheMembershipDayWhenTheTemplateUsesIt() {
        Template day = templates.create(Templates.draft("Day", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "See you on {membershipDay}.")), List.of(), null)).orElseThrow();
        Customer ana = customer(CustomerProfile.named("Ana", "en"));

        assertThat(templates.preview(day.id(), ana.id(), LocalDate.of(2026, 12, 5)).orElseThrow().message().text())
                .isEqualTo("See you on December 5.");
        assertThatThrownBy(() -> templates.preview(day.id(), ana.id(), null)).hasMessageStartingWith("membershipDay:");
        assertThat(templates.preview(day.id(), ana.id() + 1000, null)).isEmpty();
        assertThat(templates.preview(day.id() + 1000, ana.id(), null)).isEmpty();
    }

    private Customer customer(CustomerProfile profile) {
        return transactor.inTransaction(session -> session.customers().create(profile, NOW));
    }
}
