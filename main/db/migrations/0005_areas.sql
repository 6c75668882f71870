CREATE TABLE `fleet_billing_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_billing_accounts_number_unique` ON `fleet_billing_accounts` (`number`);--> statement-breakpoint
CREATE INDEX `fleet_billing_accounts_customer_idx` ON `fleet_billing_accounts` (`customer_id`,`number`);--> statement-breakpoint
CREATE TABLE `fleet_iccids` (
	`id` text PRIMARY KEY NOT NULL,
	`line_id` text NOT NULL,
	`used_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fleet_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`phone_number` text NOT NULL,
	`number_source` text NOT NULL,
	`description` text NOT NULL,
	`iccid` text NOT NULL,
	`puk` text NOT NULL,
	`status` text NOT NULL,
	`tariff_plan_code` text NOT NULL,
	`options` text NOT NULL,
	`billing_account_id` text NOT NULL,
	`split_bill_profile_id` text,
	`user_title` text NOT NULL,
	`user_first_name` text NOT NULL,
	`user_last_name` text NOT NULL,
	`user_birth_date` text,
	`user_email` text,
	`user_phone` text,
	`user_language` text NOT NULL,
	`user_confirmed` integer NOT NULL,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text,
	`barrings` text NOT NULL,
	`pay_by_mobile_limit_minor` integer NOT NULL,
	`activation_date` text,
	`activated_at` text,
	`stopped_at` text,
	`search_key` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_lines_phone_idx` ON `fleet_lines` (`phone_number`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_phone_idx` ON `fleet_lines` (`customer_id`,`phone_number`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_description_idx` ON `fleet_lines` (`customer_id`,`description`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_status_idx` ON `fleet_lines` (`customer_id`,`status`,`phone_number`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_plan_idx` ON `fleet_lines` (`customer_id`,`tariff_plan_code`,`phone_number`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_lines_iccid_idx` ON `fleet_lines` (`iccid`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_status_id_idx` ON `fleet_lines` (`customer_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_lines_customer_plan_id_idx` ON `fleet_lines` (`customer_id`,`tariff_plan_code`,`id`);--> statement-breakpoint
CREATE TABLE `fleet_number_pool` (
	`id` text PRIMARY KEY NOT NULL,
	`phone_number` text NOT NULL,
	`line_id` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_number_pool_phone_number_unique` ON `fleet_number_pool` (`phone_number`);--> statement-breakpoint
CREATE INDEX `fleet_number_pool_free_idx` ON `fleet_number_pool` (`line_id`,`phone_number`);--> statement-breakpoint
CREATE TABLE `fleet_options` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`currency` text NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_options_code_unique` ON `fleet_options` (`code`);--> statement-breakpoint
CREATE INDEX `fleet_options_sort_idx` ON `fleet_options` (`sort_order`,`code`);--> statement-breakpoint
CREATE TABLE `fleet_plan_options` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_code` text NOT NULL,
	`option_code` text NOT NULL,
	`available` integer NOT NULL,
	`monthly_price_minor` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_plan_options_cell_idx` ON `fleet_plan_options` (`plan_code`,`option_code`);--> statement-breakpoint
CREATE TABLE `fleet_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`monthly_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`vat_rate` text NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_plans_code_unique` ON `fleet_plans` (`code`);--> statement-breakpoint
CREATE INDEX `fleet_plans_sort_idx` ON `fleet_plans` (`sort_order`,`code`);--> statement-breakpoint
CREATE TABLE `fleet_split_bill_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`employer_pays` text NOT NULL,
	`ceiling_minor` integer,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_split_bill_profiles_customer_idx` ON `fleet_split_bill_profiles` (`customer_id`,`name`);--> statement-breakpoint
CREATE TABLE `fleet_blank_sim_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`order_number` text NOT NULL,
	`quantity` integer NOT NULL,
	`country` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`street` text NOT NULL,
	`house_number` text NOT NULL,
	`suffix` text,
	`box` text,
	`message` text,
	`contact_email` text,
	`contact_mobile` text,
	`ordered_on` text NOT NULL,
	`expected_delivery` text NOT NULL,
	`status` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_blank_sim_orders_order_number_unique` ON `fleet_blank_sim_orders` (`order_number`);--> statement-breakpoint
CREATE INDEX `fleet_blank_sim_orders_customer_idx` ON `fleet_blank_sim_orders` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `fleet_group_packs` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`pack_code` text NOT NULL,
	`unit` text NOT NULL,
	`allowance` integer NOT NULL,
	`monthly_price_minor` integer NOT NULL,
	`over_unit_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`start_date` text NOT NULL,
	`notify_enabled` integer NOT NULL,
	`notify_threshold_minor` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_group_packs_customer_idx` ON `fleet_group_packs` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `fleet_pack_usage` (
	`id` text PRIMARY KEY NOT NULL,
	`pack_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`line_id` text NOT NULL,
	`phone_number` text NOT NULL,
	`usage_date` text NOT NULL,
	`unit` text NOT NULL,
	`quantity` integer NOT NULL,
	`source` text NOT NULL,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pack_id`) REFERENCES `fleet_group_packs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_pack_usage_pack_date_idx` ON `fleet_pack_usage` (`pack_id`,`usage_date`);--> statement-breakpoint
CREATE INDEX `fleet_pack_usage_pack_line_idx` ON `fleet_pack_usage` (`pack_id`,`line_id`,`usage_date`);--> statement-breakpoint
CREATE TABLE `fleet_ticket_events` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`staff_id` text,
	`staff_name` text,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `fleet_tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_ticket_events_ticket_idx` ON `fleet_ticket_events` (`ticket_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `fleet_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`ticket_number` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text NOT NULL,
	`line_id` text,
	`phone_number` text,
	`action_date` text,
	`message` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_mobile` text NOT NULL,
	`status` text NOT NULL,
	`attachment_count` integer NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_tickets_ticket_number_unique` ON `fleet_tickets` (`ticket_number`);--> statement-breakpoint
CREATE INDEX `fleet_tickets_customer_idx` ON `fleet_tickets` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `fleet_tickets_customer_status_idx` ON `fleet_tickets` (`customer_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `fleet_user_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`fleet_user_id` text NOT NULL,
	`email` text NOT NULL,
	`delivery` text NOT NULL,
	`staff_id` text,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`fleet_user_id`) REFERENCES `fleet_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_user_invitations_user_idx` ON `fleet_user_invitations` (`fleet_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fleet_users` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`description` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`phone_numbers` text NOT NULL,
	`last_invited_at` text,
	`validated_at` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fleet_users_customer_idx` ON `fleet_users` (`customer_id`,`description`,`id`);--> statement-breakpoint
CREATE TABLE `harbour_berths` (
	`id` text PRIMARY KEY NOT NULL,
	`pontoon_id` text NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`max_length_cm` integer NOT NULL,
	`max_beam_cm` integer NOT NULL,
	`status` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pontoon_id`) REFERENCES `harbour_pontoons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harbour_berths_pontoon_idx` ON `harbour_berths` (`pontoon_id`,`position`,`id`);--> statement-breakpoint
CREATE TABLE `harbour_boats` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`registration` text NOT NULL,
	`boat_type` text NOT NULL,
	`length_cm` integer NOT NULL,
	`beam_cm` integer NOT NULL,
	`draught_cm` integer NOT NULL,
	`insurance_expiry` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harbour_boats_customer_idx` ON `harbour_boats` (`customer_id`,`name`,`id`);--> statement-breakpoint
CREATE TABLE `harbour_contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_number` text NOT NULL,
	`kind` text NOT NULL,
	`references_id` text,
	`customer_id` text NOT NULL,
	`boat_id` text NOT NULL,
	`berth_id` text,
	`contract_type` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`home_port` text NOT NULL,
	`payment_method` text NOT NULL,
	`instalments` integer NOT NULL,
	`currency` text NOT NULL,
	`pricing` text NOT NULL,
	`total_net_minor` integer NOT NULL,
	`total_vat_minor` integer NOT NULL,
	`total_gross_minor` integer NOT NULL,
	`boat_snapshot` text NOT NULL,
	`status` text NOT NULL,
	`signed_at` text,
	`signed_sha256` text,
	`notes` text,
	`desk_id` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `harbour_contracts_number_idx` ON `harbour_contracts` (`contract_number`);--> statement-breakpoint
CREATE INDEX `harbour_contracts_berth_idx` ON `harbour_contracts` (`berth_id`,`start_date`,`end_date`);--> statement-breakpoint
CREATE INDEX `harbour_contracts_customer_idx` ON `harbour_contracts` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `harbour_contracts_created_idx` ON `harbour_contracts` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `harbour_contracts_references_idx` ON `harbour_contracts` (`references_id`);--> statement-breakpoint
CREATE TABLE `harbour_pontoons` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `harbour_pontoons_code_idx` ON `harbour_pontoons` (`code`,`id`);--> statement-breakpoint
CREATE TABLE `harbour_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `harbour_signature_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`step` integer NOT NULL,
	`at` text NOT NULL,
	`staff_id` text,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `harbour_contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harbour_signature_steps_contract_idx` ON `harbour_signature_steps` (`contract_id`,`step`);--> statement-breakpoint
CREATE TABLE `harbour_tariffs` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_type` text NOT NULL,
	`season` text NOT NULL,
	`length_from_cm` integer NOT NULL,
	`length_to_cm` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`vat_rate_bp` integer NOT NULL,
	`valid_from` text NOT NULL,
	`previous_id` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `harbour_tariffs_lookup_idx` ON `harbour_tariffs` (`contract_type`,`season`,`length_from_cm`,`valid_from`);--> statement-breakpoint
CREATE TABLE `cashups` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`by_method` text NOT NULL,
	`expected_cash_minor` integer NOT NULL,
	`counted_cash_minor` integer NOT NULL,
	`difference_minor` integer NOT NULL,
	`note` text,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cashups_desk_day_idx` ON `cashups` (`desk_id`,`day`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`quantity_milli` integer NOT NULL,
	`unit_net_minor` integer NOT NULL,
	`vat_rate_bp` integer NOT NULL,
	`line_net_minor` integer NOT NULL,
	`desk_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `portal_accesses` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`verified_by` text NOT NULL,
	`invoice_id` text,
	`sent_to` text NOT NULL,
	`message_id` text,
	`activated_at` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `portal_accesses_customer_idx` ON `portal_accesses` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `customer_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`request_id` text,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_credits_customer_idx` ON `customer_credits` (`customer_id`);--> statement-breakpoint
CREATE TABLE `payment_link_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`provider_id` text,
	`detail` text,
	`payment_id` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_link_events_request_idx` ON `payment_link_events` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_link_events_receipt_once_idx` ON `payment_link_events` (`payment_id`) WHERE kind = 'receipt_sent';--> statement-breakpoint
CREATE TABLE `payment_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`outcome` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`authorisation` text,
	`masked_pan` text,
	`detail` text,
	`test` integer NOT NULL,
	`payment_id` text,
	`credit_id` text,
	`received_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_outcomes_request_idx` ON `payment_outcomes` (`request_id`);--> statement-breakpoint
CREATE TABLE `payment_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`gateway` text NOT NULL,
	`reference` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`email` text,
	`idempotency_key` text NOT NULL,
	`expires_at` text NOT NULL,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_reference_idx` ON `payment_requests` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_requests_idem_idx` ON `payment_requests` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `payment_requests_invoice_idx` ON `payment_requests` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `transfer_proofs` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`transfer_date` text NOT NULL,
	`bank_reference` text,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`document_id` text NOT NULL,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_proofs_invoice_idx` ON `transfer_proofs` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `transfer_proofs_created_idx` ON `transfer_proofs` (`created_at`);--> statement-breakpoint
CREATE TABLE `transfer_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`proof_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`payment_id` text,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`proof_id`) REFERENCES `transfer_proofs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_reviews_proof_idx` ON `transfer_reviews` (`proof_id`);--> statement-breakpoint
CREATE TABLE `provisioning_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`desk_id` text NOT NULL,
	`line_id` text NOT NULL,
	`line_label` text,
	`action` text NOT NULL,
	`payload` text NOT NULL,
	`effective_date` text,
	`idempotency_key` text NOT NULL,
	`state` text NOT NULL,
	`reason_code` text,
	`reason` text,
	`attempts` integer NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`operator_ref` text,
	`operator_status` text,
	`staff_id` text,
	`sent_at` text,
	`finished_at` text,
	`version` text NOT NULL,
	`clocks` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provisioning_requests_key_idx` ON `provisioning_requests` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `provisioning_requests_due_idx` ON `provisioning_requests` (`desk_id`,`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `provisioning_requests_line_idx` ON `provisioning_requests` (`line_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `provisioning_requests_state_idx` ON `provisioning_requests` (`state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `provisioning_requests_created_idx` ON `provisioning_requests` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `settlement_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`row_count` integer NOT NULL,
	`rows` text NOT NULL,
	`date_from` text NOT NULL,
	`date_to` text NOT NULL,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_imports_sha_idx` ON `settlement_imports` (`sha256`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `contract_id` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `instalment_no` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `instalment_count` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `reason` text;--> statement-breakpoint
CREATE INDEX `invoices_contract_idx` ON `invoices` (`contract_id`);--> statement-breakpoint
CREATE INDEX `invoices_credited_idx` ON `invoices` (`credited_invoice_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `details` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `reason` text;--> statement-breakpoint
CREATE INDEX `payments_desk_received_idx` ON `payments` (`desk_id`,`received_at`);