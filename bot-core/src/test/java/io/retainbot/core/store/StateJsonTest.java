package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.flow.FlowData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of the engine's hot path is the object mapper's, both ways. */
class StateJsonTest {
    private static final OutboundMessage.Text QUESTION = new OutboundMessage.Text("What is it about? \"Quotes\", é, 한국어",
            List.of(List.of(new Button("Delivery", "intake:cat:delivery"), new Button("Product", "intake:cat:product")),
                    List.of(new Button("Other", "intake:cat:other"))));

    @Test
    void writesFlowDataAsTheMapperDoes() throws Exception {
        FlowData data = FlowData.EMPTY.with("category", "delivery").with("description", "Box \"crushed\"\nagain");

        assertThat(tree(StateJson.write(data))).isEqualTo(tree(Json.write(data)));
        assertThat(StateJson.readData(StateJson.write(data))).isEqualTo(data);
        assertThat(StateJson.readData(Json.write(data))).isEqualTo(data);
    }

    @Test
    void leavesFlowDataWithFilesToTheMapper() {
        FlowData data = FlowData.EMPTY.with("category", "product")
                .withFiles(List.of(new FileRef("file-1", FileRef.Kind.PHOTO, "image/jpeg", 1200, "box.jpg")));

        assertThat(StateJson.write(data)).isEqualTo(Json.write(data));
        assertThat(StateJson.readData(StateJson.write(data))).isEqualTo(data);
    }

    @Test
    void readsStoredFlowDataOfEveryShape() {
        assertThat(StateJson.readData("{}")).isEqualTo(FlowData.EMPTY);
        assertThat(StateJson.readData("{\"values\": {}, \"files\": []}")).isEqualTo(FlowData.EMPTY);
        assertThat(StateJson.readData("{\"later\": {\"x\": [1, 2]}, \"values\": {\"a\": \"b\"}}"))
                .isEqualTo(FlowData.EMPTY.with("a", "b"));
    }

    @Test
    void dropsTheNulCharacterThatJsonbRefuses() {
        FlowData data = FlowData.EMPTY.with("description", "before\0after");

        assertThat(StateJson.readData(StateJson.write(data))).isEqualTo(FlowData.EMPTY.with("description",
                "beforeafter"));
    }

    @Test
    void writesAndReadsButtonLabelsInOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("menu:status", "My complaints");
        labels.put("intake:cat:delivery", "Delivery \"fast\"");
        labels.put("consent:yes", "Yes, please");

        String written = StateJson.writeLabels(labels);

        assertThat(written).isEqualTo(Json.write(labels.entrySet().stream()
                .map(label -> List.of(label.getKey(), label.getValue())).toList()));
        assertThat(StateJson.readLabels(written)).containsExactlyEntriesOf(labels);
        assertThat(StateJson.readLabels("[]")).isEmpty();
    }

    @Test
    void leavesOutStoredLabelPairsThatAreNotTwoTexts() {
        assertThat(StateJson.readLabels("[[\"a\", \"A\"], [\"b\"], [\"c\", \"C\", \"extra\"], [\"d\", \"D\"]]"))
                .containsExactly(Map.entry("a", "A"), Map.entry("d", "D"));
    }

    @Test
    void writesARepliesJsonAsTheMapperDoes() throws Exception {
        OutboundMessage.Text answer = new OutboundMessage.Text("Thanks", List.of(), "214", "C-1042");

        assertThat(tree(StateJson.write(QUESTION))).isEqualTo(tree(Json.write(QUESTION)));
        assertThat(tree(StateJson.write(answer))).isEqualTo(tree(Json.write(answer)));
        assertThat(Json.read(StateJson.write(QUESTION), OutboundMessage.class)).isEqualTo(QUESTION);
    }

    @Test
    void leavesPhotosAndEditsToTheMapper() {
        OutboundMessage photo = OutboundMessage.Text.of("Our shop").withPhoto(new Photo("ph-shopfront"));
        OutboundMessage edit = new OutboundMessage.Edit("m-1", "Updated", List.of());

        assertThat(StateJson.write(photo)).isEqualTo(Json.write(photo));
        assertThat(StateJson.write(edit)).isEqualTo(Json.write(edit));
    }

    private static JsonNode tree(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }
}
