package org.chuangwen.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on tasks for pages, the API and other modules, always within the caller's scope: a unit's accounts see the
 * unit's tasks, everybody else the tasks of the units inside their jurisdiction.
 */
@Service
@Transactional(readOnly = true)
public class TaskDirectory {

	/** How the overview groups tasks. */
	public enum Grouping {
		UNIT, CRITERION, STATUS;

		public static Grouping of(String name) {
			if (name == null || name.isBlank()) {
				return UNIT;
			}
			for (Grouping g : values()) {
				if (g.name().equalsIgnoreCase(name.trim())) {
					return g;
				}
			}
			throw new InvalidInputException("by", "task.overview.groupingUnknown", name);
		}

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private final TaskRepository repository;

	private final TaskManagement management;

	private final OrganisationDirectory organisation;

	private final Blobs blobs;

	private final AuditTrail audit;

	private final Clock clock;

	TaskDirectory(TaskRepository repository, TaskManagement management, OrganisationDirectory organisation, Blobs blobs,
			AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.management = management;
		this.organisation = organisation;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/** Tasks in the caller's scope, by deadline (earliest first). */
	public Page<Task> tasks(Actor actor, TaskFilter filter, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		org.chuangwen.shared.SqlWhere where = TaskRepository.filtered(scope, filter, clock.instant());
		long total = repository.count(where);
		return Page.of(total == 0 ? List.of() : repository.page(where, page), page, total);
	}

	public Task task(Actor actor, UUID id) {
		return management.visibleTask(actor, id);
	}

	public List<Deliverable> deliverables(Actor actor, UUID taskId) {
		management.visibleTask(actor, taskId);
		return repository.deliverables(taskId);
	}

	/** A deliverable's file, for whoever may see the task; its hash is checked on the way out. */
	public BlobContent deliverableContent(Actor actor, UUID taskId, UUID blobId) {
		boolean attached = deliverables(actor, taskId).stream().anyMatch(d -> d.blobId().equals(blobId));
		if (!attached) {
			throw new NotFoundException("blob", blobId);
		}
		return blobs.read(blobId);
	}

	public List<AuditEvent> history(Actor actor, UUID taskId) {
		management.visibleTask(actor, taskId);
		return audit.historyOf("task", taskId, 100);
	}

	/** The overview: per unit, criterion or status, how many tasks stand where and how many are overdue; paged. */
	public Page<TaskCount> overview(Actor actor, Grouping by, TaskFilter filter, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		org.chuangwen.shared.SqlWhere where = TaskRepository.filtered(scope, filter, clock.instant());
		TaskRepository.Counts counts = repository.counts(by.column(), where, clock.instant(), page);
		long groups = counts.groups();
		if (counts.items().isEmpty() && page.page() > 0) {
			groups = repository.countGroups(by.column(), where); // a page past the end: still say how many there are
		}
		return Page.of(counts.items(), page, groups);
	}

	/** The totals over the caller's whole scope (one line, key "all"). */
	public TaskCount totals(Actor actor, TaskFilter filter) {
		OrganisationScope scope = organisation.scopeOf(actor);
		org.chuangwen.shared.SqlWhere where = TaskRepository.filtered(scope, filter, clock.instant());
		List<TaskCount> byStatus = repository.counts("status", where, clock.instant(), new PageRequest(0, 10)).items();
		long[] sums = new long[9];
		for (TaskCount c : byStatus) {
			sums[0] += c.total();
			sums[1] += c.issued();
			sums[2] += c.claimed();
			sums[3] += c.inProgress();
			sums[4] += c.submitted();
			sums[5] += c.accepted();
			sums[6] += c.returned();
			sums[7] += c.cancelled();
			sums[8] += c.overdue();
		}
		return new TaskCount("all", "", "", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
				sums[8]);
	}
}
