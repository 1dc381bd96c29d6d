package io.github.calspike.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdateSiteBuilderTest {

	@Test
	void storesEachFileUnderItsTimestampAndIndexesItInDbXmlGz(@TempDir Path dir) throws Exception {
		Path jar = dir.resolve("calspike.jar"), lib = dir.resolve("lib.jar"), nat = dir.resolve(
			"native.jar");
		for (Path p : List.of(jar, lib, nat)) {
			try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
				z.putNextEntry(new ZipEntry("x/" + p.getFileName() + ".txt"));
				z.write(p.toString().getBytes());
			}
		}
		Path site = dir.resolve("site");
		String ts = "20261125101500";
		UpdateSiteBuilder.build(List.of(new UpdateSiteBuilder.Entry("jars/calspike-1.0.jar", jar,
			null), new UpdateSiteBuilder.Entry("jars/lib-2.0.jar", lib, null),
			new UpdateSiteBuilder.Entry("jars/linux64/native-1.jar", nat, "linux64")), site, ts);

		assertArrayEquals(Files.readAllBytes(lib), Files.readAllBytes(site.resolve(
			"jars/lib-2.0.jar-" + ts)));
		assertArrayEquals(Files.readAllBytes(nat), Files.readAllBytes(site.resolve(
			"jars/linux64/native-1.jar-" + ts)));
		Document db;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			db = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		assertEquals("pluginRecords", db.getDocumentElement().getTagName());
		NodeList plugins = db.getElementsByTagName("plugin");
		assertEquals(3, plugins.getLength());
		Element first = (Element) plugins.item(0);
		assertEquals("jars/calspike-1.0.jar", first.getAttribute("filename"));
		Element version = (Element) first.getElementsByTagName("version").item(0);
		assertEquals(UpdaterChecksum.jar(jar), version.getAttribute("checksum"));
		assertEquals(ts, version.getAttribute("timestamp"));
		assertEquals(Long.toString(Files.size(jar)), version.getAttribute("filesize"));
		NodeList deps = first.getElementsByTagName("dependency");
		assertEquals(2, deps.getLength());
		assertEquals("jars/lib-2.0.jar", ((Element) deps.item(0)).getAttribute("filename"));
		Element natives = (Element) plugins.item(2);
		assertEquals("linux64", natives.getElementsByTagName("platform").item(0).getTextContent());
	}
}
