package io.retainbot.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.outreach.BroadcastRunner;
import org.junit.jupiter.api.Test;

class PlatformSendersTest {
    @Test
    void aPlatformGetsSendersEnoughForItsBudgetAndAtLeastSixteen() {
        assertThat(PlatformSenders.concurrencyFor(30)).isEqualTo(16);
        assertThat(PlatformSenders.concurrencyFor(50)).isEqualTo(16);
        // three quarters of them (the bulk lane's share) at one send per 80 ms each make 1,000 a second
        int paid = PlatformSenders.concurrencyFor(1000);
        assertThat(paid * 3 / 4 / PlatformSenders.SEND_SECONDS).isGreaterThanOrEqualTo(1000);
        assertThat(paid).isEqualTo(107);
    }

    @Test
    void aBroadcastRunQueuesAWindowOfASecondAndAHalfOfTheBudgetAndNeverLessThanTheDefault() {
        assertThat(BroadcastRunner.Settings.forBudget(30)).isEqualTo(BroadcastRunner.Settings.DEFAULT);
        assertThat(BroadcastRunner.Settings.forBudget(1000)).isEqualTo(new BroadcastRunner.Settings(1500, 200));
    }
}
