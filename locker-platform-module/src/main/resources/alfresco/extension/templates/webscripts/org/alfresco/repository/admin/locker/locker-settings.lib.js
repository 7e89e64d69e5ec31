/*
 * Shared by locker-settings.get.js and locker-settings.post.js.
 * The page edits the very nodes the locker service reads (its engine root is Data Dictionary/Locker):
 *   settings/discussions  aspect lk:discussionSettings  (lk:enabled, lk:guardianMessagingEnabled,
 *                         lk:windowEnforced, lk:windowStart, lk:windowEnd, lk:zone, lk:disabledProfiles,
 *                         lk:initiationBlocked)
 *   settings/lockers      aspect lk:lockerSettings      (lk:guardianDocumentExchange, lk:macroEnabledDocuments, lk:documentTypes)
 *   settings              aspect lk:settings            (lk:serviceUrl, for the link to the service's screens)
 * Folders are found by their names (cm:name), never by association names: the locker service creates them over
 * REST, which names the associations after the folders (cm:Locker), where the module's bootstrap view says
 * cm:locker. The Data Dictionary itself is found by its association (app:dictionary), which does not depend on
 * the locale its name was bootstrapped in. Missing settings nodes are created when saving.
 */
var LockerSettings = {
   ROOT: "Locker",
   SETTINGS: "settings",
   PROFILES: ["teacher", "staff", "counselor", "guardian", "student", "administrator"],
   TIME: /^([01][0-9]|2[0-3]):[0-5][0-9]$/,

   /** Data Dictionary/Locker, or null when neither the bootstrap nor the service created it. */
   root: function root()
   {
      var dictionary = search.selectNodes("/app:company_home/app:dictionary");
      return dictionary.length > 0 ? dictionary[0].childByNamePath(LockerSettings.ROOT) : null;
   },

   /** Data Dictionary/Locker/settings (null when missing), created with its aspect when create is true. */
   folder: function folder(root, create)
   {
      var node = root.childByNamePath(LockerSettings.SETTINGS);
      if (node === null && create)
      {
         node = root.createFolder(LockerSettings.SETTINGS);
      }
      if (node !== null && create && !node.hasAspect("lk:settings"))
      {
         node.addAspect("lk:settings");
      }
      return node;
   },

   child: function child(folder, name, aspect, create)
   {
      var node = folder.childByNamePath(name);
      if (node === null && create)
      {
         node = folder.createFolder(name);
      }
      if (node !== null && create && !node.hasAspect(aspect))
      {
         node.addAspect(aspect);
      }
      return node;
   },

   bool: function bool(value, fallback)
   {
      return value === null || value === undefined ? fallback : String(value) === "true";
   },

   contains: function contains(values, wanted)
   {
      for (var i = 0; values !== null && values !== undefined && i < values.length; i++)
      {
         if (String(values[i]) === wanted) return true;
      }
      return false;
   },

   /** The settings as the page shows them; the defaults where the folder or a node is missing. */
   read: function read(folder)
   {
      var discussions = folder !== null ? LockerSettings.child(folder, "discussions", "lk:discussionSettings", false) : null,
          lockers = folder !== null ? LockerSettings.child(folder, "lockers", "lk:lockerSettings", false) : null,
          d = discussions !== null ? discussions.properties : {},
          l = lockers !== null ? lockers.properties : {},
          profiles = [];
      for (var i = 0; i < LockerSettings.PROFILES.length; i++)
      {
         var id = LockerSettings.PROFILES[i];
         profiles.push({ id: id, enabled: !LockerSettings.contains(d["lk:disabledProfiles"], id) });
      }
      return {
         discussionsEnabled: LockerSettings.bool(d["lk:enabled"], true),
         guardianMessagingEnabled: LockerSettings.bool(d["lk:guardianMessagingEnabled"], false),
         dailyWindowStart: d["lk:windowStart"] || "07:00",
         dailyWindowEnd: d["lk:windowEnd"] || "20:00",
         profiles: profiles,
         guardianDocumentExchange: LockerSettings.bool(l["lk:guardianDocumentExchange"], false),
         macroEnabledDocuments: LockerSettings.bool(l["lk:macroEnabledDocuments"], false),
         serviceUrl: (folder !== null ? folder.properties["lk:serviceUrl"] : null) || ""
      };
   }
};
