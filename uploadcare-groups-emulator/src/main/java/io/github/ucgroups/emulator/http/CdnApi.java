package io.github.ucgroups.emulator.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.store.GroupEntry;
import io.github.ucgroups.emulator.store.StoredFile;
import io.github.ucgroups.emulator.store.StoredGroup;

/** The CDN subset, at the root of its own port: originals, nth files of groups and archives. */
final class CdnApi {

	private static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private static final Pattern FILE = Pattern.compile("/(" + UUID_TEXT + ")(/.*)?");

	private static final Pattern GROUP = Pattern.compile("/(" + UUID_TEXT + "~\\d{1,4})/");

	private static final Pattern NTH = Pattern.compile("/(" + UUID_TEXT + "~\\d{1,4})/nth/(\\d{1,4})/.*");

	private static final Pattern ARCHIVE = Pattern.compile("/(" + UUID_TEXT + "~\\d{1,4})/archive/(zip|tar)/([^/]*)");

	private final EmulatorStore store;

	private final String cdnBase;

	CdnApi(EmulatorStore store, String cdnBase) {
		this.store = store;
		this.cdnBase = cdnBase;
	}

	Response handle(Request request) {
		if (!request.method.equals("GET") && !request.method.equals("HEAD")) {
			return Response.text(405, "Method not allowed");
		}
		String path = request.path;
		Matcher matcher = NTH.matcher(path);
		if (matcher.matches()) {
			StoredGroup group = this.store.group(matcher.group(1)).orElse(null);
			int index = Integer.parseInt(matcher.group(2));
			if (group == null || index >= group.filesCount()) {
				return notFound();
			}
			return this.store.file(group.entries().get(index).fileUuid()).map(this::serve).orElseGet(CdnApi::notFound);
		}
		matcher = ARCHIVE.matcher(path);
		if (matcher.matches()) {
			boolean zip = matcher.group(2).equals("zip");
			return this.store.group(matcher.group(1))
				.map((group) -> archive(group, zip))
				.orElseGet(CdnApi::notFound);
		}
		matcher = GROUP.matcher(path);
		if (matcher.matches()) {
			return this.store.group(matcher.group(1)).map(this::listing).orElseGet(CdnApi::notFound);
		}
		matcher = FILE.matcher(path);
		if (matcher.matches()) {
			return this.store.file(matcher.group(1)).map(this::serve).orElseGet(CdnApi::notFound);
		}
		return notFound();
	}

	private Response serve(StoredFile file) {
		return Response.stream(200, file.mimeType(), file.size(), (out) -> {
			try (InputStream in = file.content().open()) {
				in.transferTo(out);
			}
		})
			.header("Content-Disposition", "inline; filename=\"" + file.filename() + "\"")
			.header("Cache-Control", "public, max-age=31536000");
	}

	/**
	 * The group's originals in one archive, named as their files are (repeated names prefixed
	 * with a counter); 404 when a file of the group was removed, as on the real CDN.
	 */
	private Response archive(StoredGroup group, boolean zip) {
		List<StoredFile> files = new ArrayList<>();
		for (GroupEntry entry : group.entries()) {
			StoredFile file = this.store.file(entry.fileUuid()).orElse(null);
			if (file == null) {
				return notFound();
			}
			files.add(file);
		}
		List<String> names = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (StoredFile file : files) {
			String name = file.filename();
			for (int i = 1; !taken.add(name); i++) {
				name = i + "_" + file.filename();
			}
			names.add(name);
		}
		if (!zip) {
			return Response.stream(200, "application/x-tar", -1, (out) -> {
				for (int i = 0; i < files.size(); i++) {
					StoredFile file = files.get(i);
					try (InputStream in = file.content().open()) {
						Tar.writeEntry(out, names.get(i), file.size(), file.uploaded(), in);
					}
				}
				Tar.finish(out);
			});
		}
		return Response.stream(200, "application/zip", -1, (out) -> {
			ZipOutputStream archive = new ZipOutputStream(out);
			for (int i = 0; i < files.size(); i++) {
				archive.putNextEntry(new ZipEntry(names.get(i)));
				try (InputStream in = files.get(i).content().open()) {
					in.transferTo(archive);
				}
				archive.closeEntry();
			}
			archive.finish();
		});
	}

	private Response listing(StoredGroup group) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Group ")
			.append(group.id())
			.append("</title></head><body><ol>");
		for (int i = 0; i < group.filesCount(); i++) {
			html.append("<li><a href=\"")
				.append(this.cdnBase)
				.append('/')
				.append(group.id())
				.append("/nth/")
				.append(i)
				.append("/\">file ")
				.append(i)
				.append("</a></li>");
		}
		html.append("</ol></body></html>");
		return Response.bytes(200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static Response notFound() {
		return Response.text(404, "Not found");
	}

}
