package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Birthday;
import org.junit.jupiter.api.Test;

class BirthdayReaderTest {
    @Test
    void readsTheWaysCustomersWriteADay() {
        assertThat(BirthdayReader.read("03-21")).contains(Birthday.of(3, 21));
        assertThat(BirthdayReader.read(" 1988-03-21 ")).contains(new Birthday(3, 21, 1988));
        assertThat(BirthdayReader.read("21 March")).contains(Birthday.of(3, 21));
        assertThat(BirthdayReader.read("March 21, 1988")).contains(new Birthday(3, 21, 1988));
        assertThat(BirthdayReader.read("21. Dec")).contains(Birthday.of(12, 21));
        assertThat(BirthdayReader.read("Marso 5")).contains(Birthday.of(3, 5));
        assertThat(BirthdayReader.read("3월 21일")).contains(Birthday.of(3, 21));
        assertThat(BirthdayReader.read("1990년 12월 1일")).contains(new Birthday(12, 1, 1990));
        assertThat(BirthdayReader.read("02-29")).contains(Birthday.of(2, 29));
    }

    @Test
    void refusesWhatIsNoDayOrAmbiguous() {
        assertThat(BirthdayReader.read("sometime in spring")).isEmpty();
        assertThat(BirthdayReader.read("13-01")).isEmpty();
        assertThat(BirthdayReader.read("02-30")).isEmpty();
        assertThat(BirthdayReader.read("21/03")).isEmpty();
        assertThat(BirthdayReader.read("31 Smarch")).isEmpty();
        assertThat(BirthdayReader.read("1989-02-29")).isEmpty();
    }
}
