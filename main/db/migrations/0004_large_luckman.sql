CREATE TABLE `stored_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`owner_entity` text NOT NULL,
	`owner_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`bytes` blob NOT NULL,
	`desk_id` text NOT NULL,
	`staff_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stored_documents_owner_idx` ON `stored_documents` (`owner_entity`,`owner_id`,`kind`);