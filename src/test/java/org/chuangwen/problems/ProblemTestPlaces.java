package org.chuangwen.problems;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.points.LatLng;
import org.chuangwen.points.PointDraft;
import org.chuangwen.points.PointManagement;
import org.springframework.stereotype.Component;

/**
 * Places of the problem tests, far from the demo city (around 12°N 25°E) so they neither see nor disturb its data:
 * <ul>
 * <li>a community under the demo street 东湖街道 (whose area unit is the urban management bureau, U-LJ-CGJ) with grid
 * G1 (12.00–12.01°N, 25.00–25.01°E) and point P1 in it, held by U-LJ-CGJ;</li>
 * <li>a district and street of their own, without any area responsibility, with grid G2
 * (12.10–12.11°N): there routing falls back to the category's handling unit.</li>
 * </ul>
 * Created once per application context. Each test uses its own spot inside a grid, so duplicate detection only
 * fires where a test means it to.
 */
@Component
public class ProblemTestPlaces {

	public static final double G1_SOUTH = 12.0, G2_SOUTH = 12.1, WEST = 25.0, CELL = 0.01;

	private final OrganisationManagement organisationManagement;

	private final OrganisationDirectory organisation;

	private final PointManagement points;

	private final UserAccounts accounts;

	private final Blobs blobs;

	private final AtomicInteger spots = new AtomicInteger();

	private volatile boolean ready;

	public UUID community, grid1, street2, grid2, point1, urbanManagement, trafficPolice, streetEast1, districtWest;

	public ProblemTestPlaces(OrganisationManagement organisationManagement, OrganisationDirectory organisation,
			PointManagement points, UserAccounts accounts, Blobs blobs) {
		this.organisationManagement = organisationManagement;
		this.organisation = organisation;
		this.points = points;
		this.accounts = accounts;
		this.blobs = blobs;
	}

	public synchronized ProblemTestPlaces ready() {
		if (ready) {
			return this;
		}
		Actor office = accounts.actorFor("office");
		UUID street = organisation.jurisdictionByCode(DemoCity.STREET_EAST_1).orElseThrow().id();
		streetEast1 = street;
		community = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(street, JurisdictionLevel.COMMUNITY, "PR-IT", "问题测试社区", 98)).id();
		grid1 = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(community, JurisdictionLevel.GRID, "PR-IT-01", "问题测试网格一", 0)).id();
		points.defineGridBoundary(office, grid1, square(G1_SOUTH, WEST, CELL));
		// a district of its own: other tests give the demo districts area responsibilities
		UUID city = organisation.jurisdictionByCode(DemoCity.CITY).orElseThrow().id();
		districtWest = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(city, JurisdictionLevel.DISTRICT, "PR-IT-D", "问题测试区", 98)).id();
		street2 = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(districtWest, JurisdictionLevel.STREET, "PR-IT-S", "问题测试街道", 98)).id();
		UUID community2 = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(street2, JurisdictionLevel.COMMUNITY, "PR-IT-S-01", "问题测试社区二", 0)).id();
		grid2 = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(community2, JurisdictionLevel.GRID, "PR-IT-S-01-01", "问题测试网格二", 0)).id();
		points.defineGridBoundary(office, grid2, square(G2_SOUTH, WEST, CELL));
		urbanManagement = organisation.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow().id();
		trafficPolice = organisation.unitByCode(DemoCity.UNIT_TRAFFIC_POLICE).orElseThrow().id();
		point1 = points.create(office, new PointDraft("PR-IT-P1", "问题测试点位", "P05", "测试路 8 号", G1_SOUTH + 0.005,
				WEST + 0.005, community, grid1, urbanManagement, null, null)).id();
		ready = true;
		return this;
	}

	/** A fresh spot inside grid 1 (or 2), at least 100 m from every other spot handed out. */
	public LatLng spot(boolean grid2) {
		int n = spots.incrementAndGet();
		double south = grid2 ? G2_SOUTH : G1_SOUTH;
		// a 9 × 9 lattice of spots 0.001° (about 110 m) apart, avoiding the point in the middle
		int i = n % 81;
		double lat = south + 0.0005 + (i / 9) * 0.001;
		double lng = WEST + 0.0005 + (i % 9) * 0.001 + (n / 81) * 0.00001;
		return new LatLng(lat, lng);
	}

	static List<LatLng> square(double south, double west, double size) {
		return List.of(new LatLng(south, west), new LatLng(south, west + size), new LatLng(south + size, west + size),
				new LatLng(south + size, west));
	}

	/** A JPEG carrying EXIF capture time (city time, +08:00) and GPS position, uploaded by the actor. */
	public UUID photoWithExif(Actor actor, java.time.LocalDateTime takenAt, LatLng at) {
		byte[] jpeg = org.chuangwen.blobs.TestPhotos.jpegWithExif(spots.incrementAndGet() * 7919L, takenAt, "+08:00",
				at.lat(), at.lng());
		return blobs.store(jpeg, "整改后.jpg", BlobUse.PHOTO, actor.userId()).id();
	}

	/** A small PNG uploaded by the actor (each call a different image). */
	public UUID photo(Actor actor) {
		return blobs.store(png(spots.incrementAndGet()), "现场.png", BlobUse.PHOTO, actor.userId()).id();
	}

	/** A 64 × 64 picture of random 8 × 8 blocks: every seed a different scene (perceptual hashes far apart). */
	public static byte[] png(int seed) {
		java.util.Random random = new java.util.Random(seed * 31L + 7);
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int x = 0; x < 64; x += 8) {
			for (int y = 0; y < 64; y += 8) {
				int v = random.nextInt(256);
				g.setColor(new Color(v, (v * 7 + random.nextInt(40)) % 256, 255 - v));
				g.fillRect(x, y, 8, 8);
			}
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
