package io.retainbot.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(4);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$04$").doesNotContain("correct");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void everyPartOfALongPasswordCounts() {
        String start = "비밀번호".repeat(10);
        String hash = passwords.hash(start + "one");
        assertThat(passwords.matches(start + "one", hash)).isTrue();
        assertThat(passwords.matches(start + "two", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(passwords.hash("correct horse battery")).isNotEqualTo(passwords.hash("correct horse battery"));
    }

    @Test
    void saysWhatIsWrongWithANewPassword() {
        assertThat(Passwords.problemWith("short")).isEqualTo("account.password.too_short");
        assertThat(Passwords.problemWith("x".repeat(201))).isEqualTo("account.password.too_long");
        assertThat(Passwords.problemWith("long enough now")).isNull();
    }
}
