-- Substring search over fleet lines (number digits, description, user names) through an FTS5
-- trigram index, kept in step with fleet_lines by triggers so that every writer (services, sync,
-- loaders) feeds it. The index is keyed by a stable integer (fleet_line_search_ids.seq), not by
-- fleet_lines' implicit rowid, which VACUUM may renumber.
CREATE TABLE `fleet_line_search_ids` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fleet_line_search_ids_line_idx` ON `fleet_line_search_ids` (`line_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `fleet_line_search` USING fts5(search_key, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `fleet_line_search_insert` AFTER INSERT ON `fleet_lines` BEGIN
	INSERT INTO `fleet_line_search_ids` (`line_id`) VALUES (new.id);
	INSERT INTO `fleet_line_search` (rowid, search_key)
		VALUES ((SELECT `seq` FROM `fleet_line_search_ids` WHERE `line_id` = new.id), new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `fleet_line_search_update` AFTER UPDATE OF `search_key` ON `fleet_lines`
WHEN old.search_key IS NOT new.search_key BEGIN
	DELETE FROM `fleet_line_search` WHERE rowid = (SELECT `seq` FROM `fleet_line_search_ids` WHERE `line_id` = old.id);
	INSERT INTO `fleet_line_search` (rowid, search_key)
		VALUES ((SELECT `seq` FROM `fleet_line_search_ids` WHERE `line_id` = new.id), new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `fleet_line_search_delete` AFTER DELETE ON `fleet_lines` BEGIN
	DELETE FROM `fleet_line_search` WHERE rowid = (SELECT `seq` FROM `fleet_line_search_ids` WHERE `line_id` = old.id);
	DELETE FROM `fleet_line_search_ids` WHERE `line_id` = old.id;
END;
--> statement-breakpoint
INSERT INTO `fleet_line_search_ids` (`line_id`) SELECT `id` FROM `fleet_lines` ORDER BY `id`;
--> statement-breakpoint
INSERT INTO `fleet_line_search` (rowid, search_key)
	SELECT i.`seq`, l.`search_key` FROM `fleet_lines` l JOIN `fleet_line_search_ids` i ON i.`line_id` = l.`id`;
