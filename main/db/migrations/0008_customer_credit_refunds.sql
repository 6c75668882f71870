CREATE TABLE `customer_credit_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`note` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_credit_refunds_customer_idx` ON `customer_credit_refunds` (`customer_id`);