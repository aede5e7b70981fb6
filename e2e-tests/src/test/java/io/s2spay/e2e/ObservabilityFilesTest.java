package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus and Grafana in docker-compose.yml are wired to what the services are: Prometheus scrapes each s2spay
 * service at its container port on the Actuator endpoint each service exposes, Grafana's provisioned data source is
 * that Prometheus and the dashboard uses it, and the provisioning reads the dashboards where compose mounts them.
 */
class ObservabilityFilesTest {

    static final Path ROOT = Path.of("..");
    static final List<String> SERVICES =
            List.of("checkout-service", "payment-executor", "status-poller", "backoffice-service");

    @Test
    void prometheusScrapesEveryServiceAtItsContainerPortOnTheEndpointTheServiceExposes() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> prometheus = yaml(ROOT.resolve("observability/prometheus.yml"));

        Map<String, String> scraped = new TreeMap<>();
        for (Map<String, Object> job : list(prometheus.get("scrape_configs"))) {
            assertThat(job.get("metrics_path"))
                    .as("%s metrics_path", job.get("job_name"))
                    .isEqualTo("/actuator/prometheus");
            List<String> targets = (List<String>)
                    map(list(job.get("static_configs")).getFirst()).get("targets");
            scraped.put((String) job.get("job_name"), targets.getFirst());
        }
        Map<String, String> expected = new TreeMap<>();
        for (String service : SERVICES) {
            Map<String, Object> environment =
                    map(map(map(compose.get("services")).get(service)).get("environment"));
            expected.put(service, service + ":" + environment.get("SERVER_PORT"));
            Map<String, Object> own = yaml(ROOT.resolve(service + "/src/main/resources/" + service + ".yml"));
            assertThat(path(own, "management", "endpoints", "web", "exposure", "include")
                            .toString())
                    .as("%s exposes the prometheus endpoint", service)
                    .contains("prometheus");
        }
        assertThat(scraped).isEqualTo(expected);
    }

    @Test
    void grafanaReadsThatPrometheusAndTheDashboardWhereComposeMountsThem() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> datasource =
                map(list(yaml(ROOT.resolve("observability/grafana/provisioning/datasources/prometheus.yml"))
                                .get("datasources"))
                        .getFirst());
        List<String> prometheusPorts =
                (List<String>) map(services.get("prometheus")).get("ports");
        String prometheusPort = prometheusPorts.getFirst().split(":")[1];
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:" + prometheusPort);

        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(Files.readString(ROOT.resolve("observability/grafana/dashboards/s2spay.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.path("datasource").path("uid").asString())
                    .as("data source of panel %s", panel.get("title"))
                    .isEqualTo(datasource.get("uid"));
        }

        List<String> mounts = (List<String>) map(services.get("grafana")).get("volumes");
        assertThat(mounts).contains("./observability/grafana/provisioning:/etc/grafana/provisioning:ro");
        String dashboardsMount = mounts.stream()
                .filter(mount -> mount.startsWith("./observability/grafana/dashboards:"))
                .findFirst()
                .orElseThrow()
                .split(":")[1];
        Map<String, Object> provider =
                map(list(yaml(ROOT.resolve("observability/grafana/provisioning/dashboards/s2spay.yml"))
                                .get("providers"))
                        .getFirst());
        assertThat(map(provider.get("options")).get("path")).isEqualTo(dashboardsMount);
        assertThat(map(map(services.get("grafana")).get("environment"))
                        .get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo(dashboardsMount + "/s2spay.json");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    private static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = map(node).get(key);
            assertThat(node).as("key %s", key).isNotNull();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return (List<Map<String, Object>>) node;
    }
}
