package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.internal.ExchangeLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedExchangesTest {

    private static Exchange exchange(String path) {
        RequestPlan plan = RequestPlan.of("GET", path).withHeader("X-Tenant", "acme").withHeader("Cookie", "theme=dark; SESSION=s1");
        return new Exchange(plan, 200, "OK", Headers.empty(), new byte[0], Duration.ofMillis(1), null, List.of());
    }

    @Test
    void the_traffic_report_masks_what_the_tests_clients_mask() {
        ExchangeLog test = new ExchangeLog(ExchangeLog.KEPT, null);
        ExchangeLog client = new ExchangeLog(ExchangeLog.KEPT, test);
        client.masking(Secrets.of(null, null).withNames(List.of("X-Tenant")));
        client.record(exchange("/a"));
        client.record(exchange("/b"));

        String report = new RecordedExchanges(test.exchanges(), 0, "", java.nio.file.Path.of("target", "traffic.har")).getMessage();

        assertThat(report).contains("X-Tenant: ***").contains("Cookie: theme=dark; SESSION=***")
                .doesNotContain("acme").doesNotContain("s1");
    }

    @Test
    void without_names_of_its_own_a_report_masks_the_standard_ones() {
        ExchangeLog test = new ExchangeLog(ExchangeLog.KEPT, null);
        test.record(exchange("/a"));

        assertThat(new RecordedExchanges(test.exchanges(), 0, "", java.nio.file.Path.of("target", "traffic.har")).getMessage())
                .contains("X-Tenant: acme").contains("SESSION=***");
    }
}
