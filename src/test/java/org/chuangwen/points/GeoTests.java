package org.chuangwen.points;

import java.util.List;

import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeoTests {

	static List<LatLng> square(double south, double west, double size) {
		return List.of(new LatLng(south, west), new LatLng(south, west + size), new LatLng(south + size, west + size),
				new LatLng(south + size, west));
	}

	@Test
	void measuresGreatCircleDistances() {
		// one degree of latitude is about 111.2 km on the mean sphere
		assertThat(Geo.distanceMetres(0, 0, 1, 0)).isCloseTo(111_195, within(5.0));
		// Beijing Tiananmen to Shanghai People's Square: about 1,067 km
		assertThat(Geo.distanceMetres(39.9087, 116.3975, 31.2304, 121.4737)).isCloseTo(1_067_000, within(3_000.0));
		assertThat(Geo.distanceMetres(28.2, 112.97, 28.2, 112.97)).isZero();
		// symmetric, and across the antimeridian the short way
		assertThat(Geo.distanceMetres(0, 179.9, 0, -179.9)).isCloseTo(22_239, within(5.0));
	}

	@Test
	void boxAroundAPositionHoldsEveryPositionWithinTheRadius() {
		Geo.BoundingBox box = Geo.around(28.2, 112.97, 1_000);
		for (int bearing = 0; bearing < 360; bearing += 15) {
			double rad = Math.toRadians(bearing);
			double lat = 28.2 + Math.toDegrees(999 / Geo.EARTH_RADIUS_METRES) * Math.cos(rad);
			double lng = 112.97 + Math.toDegrees(999 / (Geo.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(28.2)))) * Math.sin(rad);
			assertThat(Geo.distanceMetres(28.2, 112.97, lat, lng)).isLessThan(1_000);
			assertThat(box.contains(lat, lng)).as("bearing %d", bearing).isTrue();
		}
		assertThat(box.contains(28.2 + 0.01, 112.97)).isFalse(); // 1.1 km north
		assertThat(Geo.around(89.999, 0, 1_000).minLng()).isEqualTo(-180);
	}

	@Test
	void positionsInsideAndOutsideAPolygon() {
		List<LatLng> square = square(10, 20, 1);
		assertThat(Geo.inside(square, 10.5, 20.5)).isTrue();
		assertThat(Geo.inside(square, 11.5, 20.5)).isFalse();
		assertThat(Geo.inside(square, 10.5, 19.99)).isFalse();
		// a concave L-shape: the notch is outside
		List<LatLng> ell = List.of(new LatLng(0, 0), new LatLng(0, 2), new LatLng(1, 2), new LatLng(1, 1), new LatLng(2, 1),
				new LatLng(2, 0));
		assertThat(Geo.inside(ell, 0.5, 1.5)).isTrue();
		assertThat(Geo.inside(ell, 1.5, 0.5)).isTrue();
		assertThat(Geo.inside(ell, 1.5, 1.5)).isFalse();
		// a ray through a vertex is not counted twice
		List<LatLng> diamond = List.of(new LatLng(0, 1), new LatLng(1, 2), new LatLng(2, 1), new LatLng(1, 0));
		assertThat(Geo.inside(diamond, 1, 1)).isTrue();
		assertThat(Geo.inside(diamond, 1, -0.5)).isFalse();
		assertThat(Geo.inside(diamond, 1, 2.5)).isFalse();
	}

	@Test
	void aPositionOnTheEdgeSharedByTwoGridsIsInsideExactlyOne() {
		List<LatLng> west = square(10, 20, 1);
		List<LatLng> east = square(10, 21, 1);
		List<LatLng> north = square(11, 20, 1);
		for (double lat : new double[] { 10.25, 10.5, 10.999 }) {
			assertThat(Geo.inside(west, lat, 21) ^ Geo.inside(east, lat, 21)).as("lat %s", lat).isTrue();
		}
		for (double lng : new double[] { 20.25, 20.5, 20.75 }) {
			assertThat(Geo.inside(west, 11, lng) ^ Geo.inside(north, 11, lng)).as("lng %s", lng).isTrue();
		}
		// the shared corner of four squares is inside exactly one of them
		List<LatLng> northEast = square(11, 21, 1);
		int owners = 0;
		for (List<LatLng> sq : List.of(west, east, north, northEast)) {
			owners += Geo.inside(sq, 11, 21) ? 1 : 0;
		}
		assertThat(owners).isEqualTo(1);
	}

	@Test
	void detectsPositionsOnTheBoundary() {
		List<LatLng> square = square(10, 20, 1);
		assertThat(Geo.onBoundary(square, 10, 20.5)).isTrue();
		assertThat(Geo.onBoundary(square, 11, 21)).isTrue();
		assertThat(Geo.onBoundary(square, 10.5, 20)).isTrue();
		assertThat(Geo.onBoundary(square, 10.5, 20.5)).isFalse();
		assertThat(Geo.onBoundary(square, 10.001, 20.5)).isFalse();
	}

	@Test
	void refusesRingsThatAreNoPolygon() {
		assertThatThrownBy(() -> Geo.normalisedRing(List.of(new LatLng(1, 1), new LatLng(1, 2))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Geo.normalisedRing(List.of(new LatLng(1, 1), new LatLng(1, 2), new LatLng(1, 3))))
			.isInstanceOf(InvalidInputException.class);
		// a closed ring loses its closing vertex
		List<LatLng> closed = List.of(new LatLng(0, 0), new LatLng(0, 1), new LatLng(1, 1), new LatLng(0, 0));
		assertThat(Geo.normalisedRing(closed)).hasSize(3);
		assertThatThrownBy(() -> new LatLng(91, 0)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new LatLng(0, Double.NaN)).isInstanceOf(InvalidInputException.class);
	}
	@Test
	void findsTheEdgesOfARingThatCrossOrTouch() {
		assertThat(Geo.firstCrossing(square(0, 0, 1))).isNull();
		// a bow tie: edge 1, (0,0)→(1,1), crosses edge 3, (1,0)→(0,1)
		List<LatLng> bowTie = List.of(new LatLng(0, 0), new LatLng(1, 1), new LatLng(1, 0), new LatLng(0, 1));
		assertThat(Geo.firstCrossing(bowTie)).containsExactly(0, 2);
		// a concave but simple ring (an L shape)
		List<LatLng> ell = List.of(new LatLng(0, 0), new LatLng(0, 2), new LatLng(1, 2), new LatLng(1, 1), new LatLng(2, 1),
				new LatLng(2, 0));
		assertThat(Geo.firstCrossing(ell)).isNull();
		// a vertex lying on a non-neighbouring edge touches it
		List<LatLng> touching = List.of(new LatLng(0, 0), new LatLng(0, 2), new LatLng(2, 2), new LatLng(0, 1),
				new LatLng(2, 0));
		assertThat(Geo.firstCrossing(touching)).isNotNull();
		// a spike folding back along its own edge
		List<LatLng> spike = List.of(new LatLng(0, 0), new LatLng(0, 2), new LatLng(0, 1), new LatLng(1, 1));
		assertThat(Geo.firstCrossing(spike)).isNotNull();
	}

	@Test
	void readsOnePolygonFromGeoJsonAndSaysWhatIsWrongOtherwise() {
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[20,10],[20.01,10],[20.01,10.01],[20,10.01],[20,10]]]}";
		assertThat(GridBoundaryGeoJson.ring(square)).containsExactly(new LatLng(10, 20), new LatLng(10, 20.01),
				new LatLng(10.01, 20.01), new LatLng(10.01, 20));
		String feature = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
				+ square + "}]}";
		assertThat(GridBoundaryGeoJson.ring(feature)).hasSize(4);
		assertThat(GridBoundaryGeoJson.ring(GridBoundaryGeoJson.polygon(GridBoundaryGeoJson.ring(square))))
			.isEqualTo(GridBoundaryGeoJson.ring(square));
		assertRefused("", "grid.geojson.empty");
		assertRefused("{\"type\":", "grid.geojson.syntax");
		assertRefused("{\"type\":\"Point\",\"coordinates\":[20,10]}", "grid.geojson.type");
		assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[20,10],[20.01,10],[20.01,10.01],[20,10.01]]]}",
				"grid.geojson.notClosed");
		assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[20,10],[20.01,10],[20.01,10.01],[20,10]],"
				+ "[[20.001,10.001],[20.002,10.001],[20.002,10.002],[20.001,10.001]]]}", "grid.geojson.holes");
		assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[20,10],[20.01,\"x\"],[20.01,10.01],[20,10]]]}",
				"grid.geojson.position");
		assertRefused("{\"type\":\"FeatureCollection\",\"features\":[]}", "grid.geojson.onePolygon");
	}

	private static void assertRefused(String text, String key) {
		assertThatThrownBy(() -> GridBoundaryGeoJson.ring(text)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo(key));
	}
}
