package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredServicesTest {

    @Test
    void anAvailableServiceLetsTheTestRun() {
        assertThatCode(() -> RequiredServices.require("Redis", true, "unused")).doesNotThrowAnyException();
    }

    @Test
    void aMissingServiceSkipsTheTestUnlessServicesAreRequiredThenItFails() {
        boolean required = "1".equals(System.getenv(RequiredServices.REQUIRE_VARIABLE));

        assertThatThrownBy(() -> RequiredServices.require("Redis", false, "nothing on 127.0.0.1:6379"))
                .isInstanceOf(required ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageStartingWith("Redis is not available: nothing on 127.0.0.1:6379");
    }
}
