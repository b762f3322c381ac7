package io.github.ucgroups.benchmarks;

import java.net.URI;

import com.uploadcare.api.Client;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.conn.routing.HttpRoutePlanner;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The official client {@code com.uploadcare:uploadcare:3.5.2}. It hard-codes
 * {@code https://upload.uploadcare.com}; a route planner sends every request to the emulator over
 * plain HTTP instead (Apache HttpClient then sends the path only, as for any direct route). Its own
 * pool would cap concurrency, so the pool is sized for the benchmark's 32 threads. No secret key:
 * upload-only mode, as for the other clients.
 */
public final class OfficialClient {

	private OfficialClient() {
	}

	public static Client create(URI emulator) {
		HttpHost target = new HttpHost(emulator.getHost(), emulator.getPort(), "http");
		HttpRoutePlanner toEmulator = (host, request, context) -> new HttpRoute(target);
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
		pool.setMaxTotal(64);
		pool.setDefaultMaxPerRoute(64);
		CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(pool)
			.setRoutePlanner(toEmulator)
			.build();
		return new Client(Wire.PUBLIC_KEY, null, http);
	}

}
