package org.chuangwen.inspections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerTests {

	static List<Sampler.Candidate> city() {
		List<Sampler.Candidate> list = new ArrayList<>();
		UUID east = new UUID(1, 1);
		UUID west = new UUID(1, 2);
		for (int i = 0; i < 40; i++) {
			list.add(new Sampler.Candidate(new UUID(2, i), "P05-%03d".formatted(i), "站" + i, "P05", i % 2 == 0 ? east : west,
					null));
		}
		for (int i = 0; i < 5; i++) {
			list.add(new Sampler.Candidate(new UUID(3, i), "P08-%03d".formatted(i), "厕" + i, "P08", east, null));
		}
		return list;
	}

	@Test
	void sameSeedSamePointsWhateverTheReadingOrder() {
		List<SamplingQuota> quotas = List.of(new SamplingQuota("P05", null, 6), new SamplingQuota("P08", null, 2));
		List<Sampler.Candidate> shuffled = city();
		Collections.shuffle(shuffled, new java.util.Random(9));
		SamplingDraw a = Sampler.draw(42, quotas, city());
		SamplingDraw b = Sampler.draw(42, quotas, shuffled);
		assertThat(a.points()).isEqualTo(b.points()).hasSize(8);
		assertThat(Sampler.draw(43, quotas, city()).points()).isNotEqualTo(a.points());
		assertThat(a.shortfalls()).isEmpty();
	}

	@Test
	void quotasPerDistrictAndShortfalls() {
		UUID east = new UUID(1, 1);
		SamplingDraw draw = Sampler.draw(5, List.of(new SamplingQuota("P05", east, 10), new SamplingQuota("P05", null, 35),
				new SamplingQuota("P08", null, 9)), city());
		assertThat(draw.points().subList(0, 10)).allMatch(p -> east.equals(p.districtId()));
		// 40 bus stops: 10 in the east quota, the other 30 are all the city-wide quota can still take
		assertThat(draw.points()).filteredOn(p -> p.typeCode().equals("P05")).hasSize(40).doesNotHaveDuplicates();
		assertThat(draw.points()).filteredOn(p -> p.typeCode().equals("P08")).hasSize(5);
		assertThat(draw.shortfalls()).containsExactly(new Shortfall("P05", null, 35, 30), new Shortfall("P08", null, 9, 5));
	}
}
