package io.retainbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanParticlesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "불만 C-1002이(가) 해결되었습니다 | 불만 C-1002가 해결되었습니다",
        "불만 C-1001이(가) 해결되었습니다 | 불만 C-1001이 해결되었습니다",
        "불만 C-1010이(가) 해결되었습니다 | 불만 C-1010이 해결되었습니다",
        "불만 C-1003은(는) 그대로 | 불만 C-1003은 그대로",
        "불만 C-1004은(는) 그대로 | 불만 C-1004는 그대로",
        "전기포트을(를) 구매 | 전기포트를 구매",
        "꽃병을(를) 구매 | 꽃병을 구매",
        "꽃병 병원(으)로 안내 | 꽃병 병원으로 안내",
        "서울(으)로 안내 | 서울로 안내",
        "바다(으)로 안내 | 바다로 안내",
        "C-1007(으)로 | C-1007로",
        "C-1006(으)로 | C-1006으로",
        "\"민아\"와(과) 일치 | \"민아\"와 일치",
        "\"정훈\"와(과) 일치 | \"정훈\"과 일치",
        "\"내일모레\"을(를) 날짜로 | \"내일모레\"를 날짜로",
        "RetainBot Demo Shop이(가) 보관 | RetainBot Demo Shop이 보관",
        "Glue & Co(으)로 안내 | Glue & Co로 안내",
        "Shopping Mall(으)로 | Shopping Mall로",
        "Coupang이(가) | Coupang이",
        "Nike Store이(가) | Nike Store가",
        "E-Mart이(가) | E-Mart가",
        "Flower Market이(가) | Flower Market이",
        // abbreviations are read letter by letter: 피디에프, 에스엠에스, 큐알, 에이티엠, 유알엘; long capitals with a vowel as words
        "PDF을(를) 보내 | PDF를 보내",
        "SMS을(를) 받 | SMS를 받",
        "QR을(를) 찍 | QR을 찍",
        "QR(으)로 | QR로",
        "ATM(으)로 | ATM으로",
        "URL(으)로 | URL로",
        "OK을(를) | OK를",
        "CCTV을(를) | CCTV를",
        "DHL(으)로 | DHL로",
        "PIN이(가) | PIN이",
        "SHOP이(가) | SHOP이",
        "MALL(으)로 | MALL로",
        "Samsung TV을(를) 구매 | Samsung TV를 구매"})
    void keepsTheParticleThatFitsTheWordBeforeIt(String written, String read) {
        assertThat(KoreanParticles.fit(written)).isEqualTo(read);
    }

    @Test
    void keepsBothFormsWhereTheSoundCannotBeTold() {
        assertThat(KoreanParticles.fit("🎁이(가) 도착")).isEqualTo("🎁이(가) 도착");
        assertThat(KoreanParticles.fit("花이(가)")).isEqualTo("花이(가)");
        assertThat(KoreanParticles.fit("1(전혀 만족하지 않음)부터 5(매우 만족)까지")).isEqualTo("1(전혀 만족하지 않음)부터 5(매우 만족)까지");
    }

    @Test
    void koreanTextsReadAsAKoreanWouldWriteThem() {
        Texts korean = Messages.builtIn().in("ko", Tone.FORMAL);
        assertThat(korean.get("care.resolved", "ref", "C-1002")).startsWith("접수하신 C-1002 건이 해결되었습니다.");
        assertThat(korean.get("intake.filed", "ref", "C-1002", "promise", "내일 오후 3시"))
                .endsWith("/status 명령어나 접수 번호 C-1002를 보내 주시면 확인하실 수 있습니다.");
        assertThat(korean.get("intake.filed", "ref", "C-1003", "promise", "내일 오후 3시"))
                .endsWith("/status 명령어나 접수 번호 C-1003을 보내 주시면 확인하실 수 있습니다.");
        assertThat(korean.inTone(Tone.FRIENDLY).get("survey.thanks", "company", "꽃집"))
                .isEqualTo("정말 고마워요! 꽃집이 더 나아지는 데 큰 도움이 돼요.");
        assertThat(Messages.builtIn().in("en", Tone.FORMAL).get("care.resolved", "ref", "C-1002"))
                .startsWith("Your complaint C-1002 has been resolved.");
    }
}
