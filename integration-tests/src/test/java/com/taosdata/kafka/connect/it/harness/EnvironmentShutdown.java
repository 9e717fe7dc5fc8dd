package com.taosdata.kafka.connect.it.harness;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the shared environment as soon as the test plan has run, while the JVM is still whole, instead of in a
 * shutdown hook racing the hooks that delete the broker's directories. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class EnvironmentShutdown implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        ItEnvironment.stopIfStarted();
    }
}
