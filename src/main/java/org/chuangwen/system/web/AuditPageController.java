package org.chuangwen.system.web;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit administrator's page: the whole trail, newest first, filterable, and a check of the chain. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPageController {

	private final AuditTrail audit;

	AuditPageController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", audit.search(q, PageRequest.of(page, 50)));
		model.addAttribute("q", q);
		return "system/audit";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", audit.verify());
		return "system/audit-verify :: result";
	}
}
