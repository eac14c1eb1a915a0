package io.retainbot.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerProfileTest {
    @Test
    void treatsBlankTextsAsUnknown() {
        CustomerProfile profile = CustomerProfile.builder().displayName("  Ana  ").company("   ").build();

        assertThat(profile.displayName()).isEqualTo("Ana");
        assertThat(profile.company()).isNull();
        assertThat(profile.tone()).isEqualTo(Tone.FORMAL);
        assertThat(profile.language()).isEqualTo("en");
    }

    @Test
    void refusesImpossibleBirthdays() {
        assertThatThrownBy(() -> Birthday.of(2, 30)).hasMessageContaining("not a date");
        assertThatThrownBy(() -> new Birthday(2, 29, 2025)).hasMessageContaining("not a date");
        assertThatThrownBy(() -> Birthday.of(13, 1)).hasMessageContaining("not a date");
        assertThat(new Birthday(2, 29, 2024).in(2026)).hasToString("2026-02-28");
    }

    @Test
    void refusesMalformedContactDetails() {
        assertThatThrownBy(() -> CustomerProfile.builder().email("not an email").build())
                .hasMessageContaining("email");
        assertThatThrownBy(() -> CustomerProfile.builder().phone("call me maybe").build())
                .hasMessageContaining("phone");
        assertThatThrownBy(() -> CustomerProfile.builder().language("english").build())
                .hasMessageContaining("language");
    }

    @Test
    void spellsTagsOneWay() {
        assertThat(new Tag("  VIP   Client ")).isEqualTo(new Tag("vip-client"));
        assertThatThrownBy(() -> new Tag("no/slashes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
