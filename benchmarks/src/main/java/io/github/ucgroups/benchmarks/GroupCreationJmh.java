package io.github.ucgroups.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.uploadcare.api.Client;
import io.github.ucgroups.FileRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Micro-level view of scenario 1 for {@code -prof gc}: one group creation (10 refs), single
 * thread, average time and bytes allocated per call in the client's JVM (the emulator runs in its
 * own JVM, so its allocation is not counted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupCreationJmh {

	private EmulatorProcess emulator;

	private OurClient oursHttpComponents;

	private OurClient oursJdk;

	private Wire raw;

	private Client official;

	private List<String> files;

	@Setup(Level.Trial)
	public void setUp() {
		this.emulator = EmulatorProcess.start(0, 10);
		this.files = this.emulator.seeded();
		this.oursHttpComponents = OurClient.start(this.emulator, Map.of("uploadcare.http.client-factory", "http-components"));
		this.oursJdk = OurClient.start(this.emulator, Map.of("uploadcare.http.client-factory", "jdk"));
		this.raw = new Wire(this.emulator.uploadUrl());
		this.official = OfficialClient.create(this.emulator.uploadUrl());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.official.close();
		this.oursHttpComponents.close();
		this.oursJdk.close();
		this.emulator.close();
	}

	@Benchmark
	public Object oursHttpComponents() {
		return this.oursHttpComponents.groups().createGroup(FileRef.parseAll(this.files));
	}

	@Benchmark
	public Object oursJdk() {
		return this.oursJdk.groups().createGroup(FileRef.parseAll(this.files));
	}

	@Benchmark
	public Object rawJdk() {
		return this.raw.createGroup(this.files);
	}

	@Benchmark
	public Object official() {
		return this.official.createGroup(this.files);
	}

}
