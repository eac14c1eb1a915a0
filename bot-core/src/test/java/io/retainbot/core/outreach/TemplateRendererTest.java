package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.customer.Consent;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final TemplateRenderer RENDERER = new TemplateRenderer(Messages.builtIn(), "Santos Bakery",
            ZoneId.of("Asia/Manila"));

    private static final Template MEMBERSHIP_DAY = template(TemplatePurpose.MARKETING, "en", List.of(
            new TemplateText("en", Tone.FORMAL, "Dear {name}, {company} welcomes you on membership day, {membershipDay}."),
            new TemplateText("en", Tone.FRIENDLY, "Hi {name}! See you on {membershipDay}!"),
            new TemplateText("ko", Tone.FORMAL, "{name}, {company} 회원의 날({membershipDay})에 초대합니다.")),
            List.of(TemplateButton.THANKS), null);

    @Test
    void usesTheCustomersLanguageAndToneAndTheNameTheyPrefer() {
        Customer friendly = customer(CustomerProfile.builder().displayName("Maria Santos").formOfAddress("Maria")
                .language("en").tone(Tone.FRIENDLY).build());

        OutboundMessage.Text message = RENDERER.render(MEMBERSHIP_DAY, friendly,
                new TemplateRenderer.Fill(LocalDate.of(2026, 12, 5), null));

        assertThat(message.text()).isEqualTo("Hi Maria! See you on December 5!");
    }

    @Test
    void fallsBackToTheOtherToneOfTheSameLanguage() {
        Customer friendlyKorean = customer(CustomerProfile.builder().displayName("김민지").language("ko")
                .tone(Tone.FRIENDLY).build());

        OutboundMessage.Text message = RENDERER.render(MEMBERSHIP_DAY, friendlyKorean,
                new TemplateRenderer.Fill(LocalDate.of(2026, 12, 5), null));

        assertThat(message.text()).isEqualTo("김민지, Santos Bakery 회원의 날(12월 5일)에 초대합니다.");
        assertThat(message.buttons().get(0)).extracting(Button::label).containsExactly("고마워요!", "이 소식 그만 받기");
    }

    @Test
    void aLanguageTheTemplateLacksGetsTheDefaultLanguageNeverNothing() {
        Customer tagalog = customer(CustomerProfile.builder().displayName("Jose").language("tl").build());

        OutboundMessage.Text message = RENDERER.render(MEMBERSHIP_DAY, tagalog,
                new TemplateRenderer.Fill(LocalDate.of(2026, 12, 5), null));

        assertThat(message.text()).isEqualTo("Dear Jose, Santos Bakery welcomes you on membership day, December 5.");
        assertThat(message.buttons().get(0)).extracting(Button::label)
                .containsExactly("Thanks!", "Stop these messages");
    }

    @Test
    void everyMarketingMessageCarriesTheStopButtonAndServiceMessagesNeedNone() {
        Customer customer = customer(CustomerProfile.named("Ana", "en"));
        Template marketing = template(TemplatePurpose.MARKETING, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "New arrivals at {company}.")), List.of(), null);
        Template service = template(TemplatePurpose.SERVICE, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Your delivery is two days late. We are sorry.")),
                List.of(), null);

        assertThat(RENDERER.render(marketing, customer, TemplateRenderer.Fill.NONE).buttons())
                .containsExactly(List.of(new Button("Stop these messages", "outreach:stop")));
        assertThat(RENDERER.render(service, customer, TemplateRenderer.Fill.NONE).buttons()).isEmpty();
    }

    @Test
    void fillsThePersonalOfferCodeAndItsExpiryInTheCustomersZone() {
        Template perk = template(TemplatePurpose.MARKETING, "en", List.of(new TemplateText("en", Tone.FORMAL,
                "{name}, your code {offerCode} is valid until {offerExpires}.")), List.of(), 30);
        Customer seoul = customer(CustomerProfile.builder().displayName("Jun").language("en")
                .zone(ZoneId.of("Asia/Seoul")).build());
        OfferCode code = new OfferCode("K7QM-4XTP", 1, "template:1", NOW, Instant.parse("2026-12-30T16:00:00Z"),
                null, null);

        OutboundMessage.Text message = RENDERER.render(perk, seoul, new TemplateRenderer.Fill(null, code));

        assertThat(message.text()).isEqualTo("Jun, your code K7QM-4XTP is valid until December 31.");
    }

    @Test
    void aCustomerWithoutANameIsAddressedPolitely() {
        Template hello = template(TemplatePurpose.SERVICE, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Hello {name}.")), List.of(), null);

        assertThat(RENDERER.render(hello, customer(CustomerProfile.named("", "en")), TemplateRenderer.Fill.NONE)
                .text()).isEqualTo("Hello valued customer.");
    }

    @Test
    void saysWhichValueIsMissingInsteadOfSendingAHole() {
        Customer customer = customer(CustomerProfile.named("Ana", "en"));

        assertThatThrownBy(() -> RENDERER.render(MEMBERSHIP_DAY, customer, TemplateRenderer.Fill.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("membershipDay:");
    }

    @Test
    void everyMessageOfATemplateWithAPhotoShowsItAndOthersShowNone() {
        Template withPhoto = new Template(2, "p", TemplatePurpose.SERVICE, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Our new shop opens on Monday.")), List.of(), null,
                "ph-shopfront", NOW, NOW);
        Customer customer = customer(CustomerProfile.builder().displayName("Jose").language("tl").build());

        OutboundMessage.Text shown = RENDERER.render(withPhoto, customer, TemplateRenderer.Fill.NONE);
        OutboundMessage.Text plain = RENDERER.render(MEMBERSHIP_DAY, customer,
                new TemplateRenderer.Fill(LocalDate.of(2026, 12, 5), null));

        assertThat(shown.photo()).isEqualTo(new Photo("ph-shopfront"));
        assertThat(shown.text()).isEqualTo("Our new shop opens on Monday.");
        assertThat(plain.photo()).isNull();
    }

    @Test
    void refusesTemplatesThatCouldSendSomethingBroken() {
        List<TemplateText> koreanOnly = List.of(new TemplateText("ko", Tone.FORMAL, "안녕하세요"));
        assertThatThrownBy(() -> template(TemplatePurpose.MARKETING, "en", koreanOnly, List.of(), null))
                .hasMessageStartingWith("defaultLanguage:");
        assertThatThrownBy(() -> new TemplateText("en", Tone.FORMAL, "Hello {nmae}"))
                .hasMessageContaining("unknown placeholder {nmae}").hasMessageContaining("{name}");
        assertThatThrownBy(() -> new TemplateText("en", Tone.FORMAL, "   ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> template(TemplatePurpose.MARKETING, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Code {offerCode}")), List.of(), null))
                .hasMessageStartingWith("offerValidDays:");
        assertThatThrownBy(() -> template(TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "One"), new TemplateText("EN", Tone.FORMAL, "Two")), List.of(),
                null)).hasMessageContaining("given twice");
    }

    private static Template template(TemplatePurpose purpose, String defaultLanguage, List<TemplateText> texts,
                                     List<TemplateButton> buttons, Integer offerValidDays) {
        return new Template(1, "t", purpose, defaultLanguage, texts, buttons, offerValidDays, null, NOW, NOW);
    }

    private static Customer customer(CustomerProfile profile) {
        return new Customer(1, profile, Consent.UNANSWERED, List.of(), NOW, NOW, null);
    }
}
