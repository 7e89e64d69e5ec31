<import resource="classpath:alfresco/extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.lib.js">

/* The Admin Console form is posted as multipart/form-data (see admin-template.ftl). */
function field(name)
{
   for (var i = 0; i < formdata.fields.length; i++)
   {
      if (formdata.fields[i].name == name)
      {
         return String(formdata.fields[i].value).replace(/^\s+|\s+$/g, "");
      }
   }
   return null;
}

function back(param, key)
{
   status.code = 303;
   status.location = url.serviceContext + "/admin/locker-settings?" + param + "=" + key;
   status.redirect = true;
}

function main()
{
   var root = LockerSettings.root();
   if (root === null)
   {
      return back("e", "locker-settings.error.missing");
   }
   var start = field("dailyWindowStart"),
       end = field("dailyWindowEnd"),
       serviceUrl = field("serviceUrl") || "";
   if (!LockerSettings.TIME.test(start) || !LockerSettings.TIME.test(end) || start >= end)
   {
      return back("e", "locker-settings.error.window");
   }
   if (serviceUrl !== "" && !/^https?:\/\/[^\s]+$/.test(serviceUrl))
   {
      return back("e", "locker-settings.error.url");
   }
   var disabled = [];
   for (var i = 0; i < LockerSettings.PROFILES.length; i++)
   {
      if (field("profile-" + LockerSettings.PROFILES[i]) !== "true")
      {
         disabled.push(LockerSettings.PROFILES[i]);
      }
   }
   var node = LockerSettings.folder(root, true),
       discussions = LockerSettings.child(node, "discussions", "lk:discussionSettings", true);
   discussions.properties["lk:enabled"] = field("discussionsEnabled") === "true";
   discussions.properties["lk:guardianMessagingEnabled"] = field("guardianMessagingEnabled") === "true";
   discussions.properties["lk:windowEnforced"] = true;
   discussions.properties["lk:windowStart"] = start;
   discussions.properties["lk:windowEnd"] = end;
   discussions.properties["lk:disabledProfiles"] = disabled;
   discussions.save();
   var lockers = LockerSettings.child(node, "lockers", "lk:lockerSettings", true);
   lockers.properties["lk:guardianDocumentExchange"] = field("guardianDocumentExchange") === "true";
   lockers.properties["lk:macroEnabledDocuments"] = field("macroEnabledDocuments") === "true";
   lockers.save();
   node.properties["lk:serviceUrl"] = serviceUrl;
   node.save();
   back("m", "locker-settings.saved");
}

main();
