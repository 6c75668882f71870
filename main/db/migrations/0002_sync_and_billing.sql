CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`series` text NOT NULL,
	`number` integer NOT NULL,
	`invoice_number` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`issue_date` text NOT NULL,
	`currency` text NOT NULL,
	`total_net_minor` integer NOT NULL,
	`total_vat_minor` integer NOT NULL,
	`total_gross_minor` integer NOT NULL,
	`credited_invoice_id` text,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_series_number_idx` ON `invoices` (`series`,`number`);--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`,`issue_date`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`received_at` text NOT NULL,
	`reference` text,
	`reverses_id` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_customer_idx` ON `payments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `series_voids` (
	`id` text PRIMARY KEY NOT NULL,
	`series` text NOT NULL,
	`number` integer NOT NULL,
	`reason` text NOT NULL,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_voids_series_number_idx` ON `series_voids` (`series`,`number`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`theirs` text,
	`theirs_hlc` text,
	`theirs_desk` text,
	`yours` text,
	`yours_hlc` text,
	`yours_desk` text,
	`op_id` text,
	`status` text NOT NULL,
	`resolution` text,
	`resolved_by` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_status_idx` ON `sync_conflicts` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
