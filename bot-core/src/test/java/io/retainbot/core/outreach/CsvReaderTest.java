package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Record> records = readAll("\uFEFFname,note\r\n\"Santos, Maria\",\"said \"\"hi\"\"\nthen left\"\r\n"
                + "Jun,\r\n\r\nAna,last");

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("name", "note"), List.of("Santos, Maria", "said \"hi\"\nthen left"), List.of("Jun", ""),
                List.of("Ana", "last"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4, 6);
    }

    @Test
    void namesTheLineOfBrokenQuoting() {
        assertThatThrownBy(() -> readAll("a,b\nx,\"open\ny,z\n"))
                .isInstanceOf(CsvReader.MalformedCsv.class).hasMessageContaining("line 2").hasMessageContaining("never closed");
        assertThatThrownBy(() -> readAll("a,b\nx,y\"z\n")).hasMessageContaining("line 2")
                .hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> readAll("a\n\"x\"y\n")).hasMessageContaining("text after a closing quote");
    }

    @Test
    void refusesAFieldLongerThanTheLimit() {
        assertThatThrownBy(() -> readAll("a\n" + "x".repeat(CsvReader.MAX_FIELD + 1)))
                .hasMessageContaining("longer than");
    }

    private static List<CsvReader.Record> readAll(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Record> records = new ArrayList<>();
        reader.next().ifPresent(records::add);
        while (true) {
            var next = reader.next();
            if (next.isEmpty()) {
                return records;
            }
            records.add(next.get());
        }
    }
}
