package io.retainbot.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountChangeWordingTest {
    @Test
    void readsBackTheSignInEachRecordedChangeNames() {
        assertThat(AccountChangeWording.of(AccountChangeWording.SET_UP.recorded("ana@shop.example")))
                .contains(new AccountChangeWording.Worded("staff.changes.what.set_up", "ana@shop.example"));
        assertThat(AccountChangeWording.of("sign-in set: joon@shop.example"))
                .contains(new AccountChangeWording.Worded("staff.changes.what.sign_in_set", "joon@shop.example"));
        assertThat(AccountChangeWording.of("password changed"))
                .contains(new AccountChangeWording.Worded("staff.changes.what.password_changed", ""));
    }

    @Test
    void leavesAnyOtherRecordAsItWasWritten() {
        assertThat(AccountChangeWording.of("role changed to supervisor")).isEmpty();
        assertThat(AccountChangeWording.of("sign-in set: ")).isEmpty();
        assertThat(AccountChangeWording.of("password changed twice")).isEmpty();
    }
}
