package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The main menu has a Language button in every language; switching language mid-filing keeps the complaint. */
class LanguageMenuIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private String language(String userId) {
        return engine.customerOf(userId).language();
    }

    @Test
    void theMenuOffersTheLanguageChoice() {
        ChatTranscript chat = engine.readyChat("9001", "Mina");
        chat.user("/menu")
                .botAsks("What can I do for you?", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language")
                .press("Language")
                .botAsks("Which language would you like?", "English", "한국어", "Tagalog")
                .press("Tagalog")
                .botAsks("Mula ngayon, sa Tagalog na po ako susulat.", "Pormal", "Kaswal")
                .press("Pormal")
                .botAsks("Sige po, kakausapin ko kayo nang pormal.", "Mag-file ng reklamo", "Aking mga reklamo",
                        "Magmungkahi", "Makipag-usap sa tao", "Wika (Language)")
                .press("Wika (Language)")
                .botOffers("English", "한국어", "Tagalog")
                .press("한국어")
                .botAsks("지금부터 한국어로 안내해 드리겠습니다.", "격식 있게", "편하게")
                .press("격식 있게")
                .botAsks("격식을 갖춰 안내해 드리겠습니다.", "불편 접수하기", "내 접수 내역", "의견 보내기", "상담원 연결",
                        "언어 (Language)");
        assertThat(language("9001")).isEqualTo("ko");
    }

    @Test
    void switchingLanguageWhileFilingContinuesInTheNewLanguage() {
        ChatTranscript chat = engine.readyChat("9002", "Jon");
        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user("/language ko")
                .botSays("지금부터 한국어로 안내해 드리겠습니다.")
                .botSays("‘배송’ 관련 불편 사항을 말씀해 주십시오. 어떤 일이 있었는지 편하게 적어 주십시오. 길어도 괜찮습니다.")
                .user("택배 상자가 찌그러져서 안에 있던 컵이 깨졌어요.")
                .botAsks("주문 번호나 참조 번호가 있으십니까?", "건너뛰기");
        assertThat(language("9002")).isEqualTo("ko");
    }

    @Test
    void anUnknownCommandListsTheCommandsThatWorkInKorean() {
        ChatTranscript chat = engine.chat("9101", "민아", "ko");
        chat.user("/start").skipUnread().press("아니요, 괜찮습니다").skipUnread()
                .user("/frobnicate")
                .botAsks("알 수 없는 명령어입니다: /frobnicate. 사용하실 수 있는 명령어는 다음과 같습니다: /complaint, /status, "
                                + "/suggest, /human, /language, /mydata, /forget, /start, /stop, /menu, /help, /cancel",
                        "불편 접수하기", "내 접수 내역", "의견 보내기", "상담원 연결", "언어 (Language)");
    }
}
