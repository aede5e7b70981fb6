package io.s2spay.testkit;

import java.util.concurrent.CountDownLatch;

/** Main class of a child JVM that starts the test infrastructure, says where it runs, then exits or waits to be killed. */
final class InfrastructureChild {

    private InfrastructureChild() {}

    public static void main(String[] args) throws InterruptedException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        System.out.println("JDBC=" + infrastructure.jdbcUrl());
        System.out.println("REGISTRY=" + infrastructure.registryUrl());
        System.out.println("READY");
        System.out.flush();
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(0);
        }
        new CountDownLatch(1).await();
    }
}
